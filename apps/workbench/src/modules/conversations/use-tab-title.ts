import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../platform/store';
import { loadConversations } from './conversation.api';
import { attentionCount, conversationStore } from './conversation.store';
import './contacts.locales';

/**
 * Puts the number of buyers who need the agent (waiting, or unread in 我的) in front of the browser tab's title —
 * "(3) 金牌客服工作台" — so a hidden tab still tells. Live frames keep the count current while the tab is hidden.
 */
export function useTabTitle(): void {
  const { t, i18n } = useTranslation();
  const count = useStore(conversationStore, attentionCount);

  // The count needs both lists, whichever tab or page the agent is on.
  useEffect(() => {
    const { lists } = conversationStore.get();
    for (const filter of ['waiting', 'mine'] as const) if (!lists[filter]) loadConversations(filter).catch(() => undefined);
  }, []);

  useEffect(() => {
    const base = t('contacts.pageTitle');
    document.title = count > 0 ? `(${count > 99 ? '99+' : count}) ${base}` : base;
  }, [count, t, i18n.language]);

  // Signed out: the plain title again.
  useEffect(() => {
    const original = document.title.replace(/^\(\d+\+?\) /, '');
    return () => void (document.title = original);
  }, []);
}
