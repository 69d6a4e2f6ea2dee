import { wordServerText, type ServerText } from '@golddesk/contracts';
import { useTranslation } from 'react-i18next';

/**
 * Lines the server wrote (order-action and logistics notices in the chat, its tracking lines and exception notes)
 * come in Chinese, as the buyer reads them, with a code. Agents reading in English see them worded in English;
 * lines without a known code (carriers', agents') stay as they are.
 */
export function useServerText(): (text: string, coded?: ServerText | null) => string {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (text, coded) => (english && coded ? (wordServerText(coded, 'en') ?? text) : text);
}
