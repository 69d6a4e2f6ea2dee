/** The languages the widget speaks: Chinese first; English when the shop's embed asks for it. */
export type WidgetLanguage = 'zh-CN' | 'en';

/**
 * The widget's language from the embed's `data-lang` ("en" → English; anything else, or none, → Chinese).
 * The shop chooses it, not the visitor's browser: a Chinese shop's page stays Chinese for every buyer.
 */
export function languageOf(script: HTMLScriptElement | null): WidgetLanguage {
  return script?.dataset.lang?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
