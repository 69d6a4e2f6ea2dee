import type { ConversationFilter } from '@golddesk/contracts';
import { Empty, Spin, Tabs } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useStore } from '../../platform/store';
import { loadConversations } from './conversation.api';
import { conversationStore, setActiveFilter, unreadInMine } from './conversation.store';
import './contacts.locales';
import './contacts.css';
import { ContactItem } from './ContactItem';

interface ContactListProps {
  onSelect: (conversationId: string) => void;
  onError: (message: string) => void;
}

const FILTERS: ConversationFilter[] = ['waiting', 'mine', 'all'];

/** Left pane: 待接待 / 我的 / 全部 tabs with the buyers in each. */
export function ContactList({ onSelect, onError }: ContactListProps) {
  const { t } = useTranslation();
  const filter = useStore(conversationStore, (s) => s.activeFilter);
  const ids = useStore(conversationStore, (s) => s.lists[filter]);
  const byId = useStore(conversationStore, (s) => s.byId);
  const activeId = useStore(conversationStore, (s) => s.activeId);
  const waitingCount = useStore(conversationStore, (s) => s.lists.waiting?.length ?? 0);
  const mineUnread = useStore(conversationStore, unreadInMine);

  // Each visit to a tab refreshes it from the server; live frames keep it current in between.
  useEffect(() => {
    loadConversations(filter).catch((error: unknown) => onError(errorMessage(error)));
  }, [filter, onError]);

  const label = (key: ConversationFilter) => (
    <span data-testid={`contact-tab-${key}`}>
      {t(`contacts.${key}`)}
      {key === 'waiting' && waitingCount > 0 ? (
        <span className="tab-count" title={t('contacts.waitingCount', { count: waitingCount })} data-testid="tab-waiting-count">
          {waitingCount}
        </span>
      ) : null}
      {key === 'mine' && mineUnread > 0 ? (
        <span
          className="tab-count tab-unread"
          title={t('contacts.unreadCount', { count: mineUnread })}
          data-testid="tab-mine-unread"
        >
          {mineUnread > 99 ? '99+' : mineUnread}
        </span>
      ) : null}
    </span>
  );

  return (
    <section className="pane contacts-pane" data-testid="contacts-pane">
      <Tabs
        className="contacts-tabs"
        activeKey={filter}
        onChange={(key) => setActiveFilter(key as ConversationFilter)}
        items={FILTERS.map((key) => ({ key, label: label(key) }))}
        centered
        size="small"
      />
      <div className="contacts-scroll">
        {ids === null ? (
          <div className="pane-center">
            <Spin />
          </div>
        ) : ids.length === 0 ? (
          <Empty className="pane-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contacts.empty')} />
        ) : (
          ids.map((id) => {
            const conversation = byId[id];
            return conversation ? (
              <ContactItem key={id} conversation={conversation} active={id === activeId} onSelect={onSelect} />
            ) : null;
          })
        )}
      </div>
    </section>
  );
}
