import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zhCN } from './locales/zh-CN';
import { enUS } from './locales/en';

export type UiLanguage = 'zh-CN' | 'en';

const LANGUAGE_KEY = 'golddesk.lang';

function initialLanguage(): UiLanguage {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  // Chinese first: only an explicit choice switches the UI to English.
  return saved === 'en' ? 'en' : 'zh-CN';
}

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: enUS } },
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React already escapes text
});
dayjs.locale(i18next.language === 'en' ? 'en' : 'zh-cn');
// The page's language from the start (screen readers, and styles that differ by language).
document.documentElement.lang = i18next.language === 'en' ? 'en' : 'zh-CN';

/** The language the server should answer in (sent as Accept-Language). */
export function currentLanguage(): UiLanguage {
  return i18next.language === 'en' ? 'en' : 'zh-CN';
}

/** Switches the UI language and remembers the choice. */
export async function setLanguage(language: UiLanguage): Promise<void> {
  localStorage.setItem(LANGUAGE_KEY, language);
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export { i18next };
