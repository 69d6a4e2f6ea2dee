import { MessageOutlined } from '@ant-design/icons';
import { Empty } from 'antd';
import { Fragment, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useStore } from '../../platform/store';
import { markRead, conversationStore, loadLatest, EMPTY_CONVERSATION, messageStore } from '../conversations';
import { ChatHeader } from './ChatHeader';
import { Composer } from './Composer';
import { MessageList } from './MessageList';
import { useDocumentVisible } from './use-document-visible';
import { ShortcutHint } from '../shortcuts';
import { HandoffNote } from '../routing';

interface ChatPaneProps {
  onError: (message: string) => void;
}

/** Middle pane: the open conversation's header, history, typing indicator and composer. */
export function ChatPane({ onError }: ChatPaneProps) {
  const { t } = useTranslation();
  const activeId = useStore(conversationStore, (s) => s.activeId);
  const conversation = useStore(conversationStore, (s) => (s.activeId ? s.byId[s.activeId] : undefined));
  const entry = useStore(messageStore, (s) => (activeId ? (s[activeId] ?? EMPTY_CONVERSATION) : EMPTY_CONVERSATION));
  const visible = useDocumentVisible();
  const readSent = useRef(new Map<string, number>());

  // Open → load history once; later messages arrive over the stream (and `resume` after reconnects).
  useEffect(() => {
    if (!activeId || messageStore.get()[activeId]?.loaded) return;
    loadLatest(activeId).catch((error: unknown) => onError(errorMessage(error)));
  }, [activeId, onError]);

  // Mark read only while the agent can actually see the conversation.
  const lastSeq = entry.messages.at(-1)?.seq ?? 0;
  const agentReadSeq = conversation?.agentReadSeq ?? 0;
  const unread = conversation?.unreadCount ?? 0;
  useEffect(() => {
    if (!activeId || !visible || !entry.loaded || lastSeq === 0) return;
    if (lastSeq <= agentReadSeq && unread === 0) return;
    if ((readSent.current.get(activeId) ?? 0) >= lastSeq) return;
    readSent.current.set(activeId, lastSeq);
    markRead(activeId, lastSeq).catch(() => readSent.current.delete(activeId));
  }, [activeId, visible, entry.loaded, lastSeq, agentReadSeq, unread]);

  if (!activeId || !conversation) {
    return (
      <section className="pane chat-pane" data-testid="chat-pane">
        <div className="pane-center">
          <Empty image={<MessageOutlined className="empty-icon" />} description={t('chat.pickConversation')}>
            <ShortcutHint />
          </Empty>
        </div>
      </section>
    );
  }

  return (
    <section className="pane chat-pane" data-testid="chat-pane" data-conversation-id={activeId}>
      <ChatHeader conversation={conversation} onError={onError} />
      <HandoffNote conversation={conversation} />
      {/*
        One key for everything that belongs to the open conversation. Two siblings keyed by the same id (the list and the
        composer each had key={activeId}) left React unable to tell them apart: every switch kept the old list mounted,
        so other buyers' messages showed in this chat.
      */}
      <Fragment key={activeId}>
        <MessageList conversationId={activeId} onError={onError} />
        <div className="typing-line" data-testid="typing-indicator" aria-live="polite">
          {entry.buyerTyping ? t('chat.typing') : '\u00a0'}
        </div>
        <Composer conversationId={activeId} onError={onError} />
      </Fragment>
    </section>
  );
}
