import { Spin } from 'antd';
import { Fragment, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../platform/store';
import { conversationStore, loadOlder, EMPTY_CONVERSATION, messageStore } from '../conversations';
import {
  SatisfactionNotice,
  satisfactionEvents,
  useConversationRatings,
  useSatisfactionSettings,
  type SatisfactionEvent,
} from '../satisfaction';
import { MessageBubble, PendingBubble } from './MessageBubble';

interface MessageListProps {
  conversationId: string;
  onError: (message: string) => void;
}

// Within this many pixels of the bottom counts as "at the bottom": new messages then scroll into view.
const STICK_THRESHOLD_PX = 80;

/** The scrolling history: loads older pages at the top and sticks to the newest message at the bottom. */
export function MessageList({ conversationId, onError }: MessageListProps) {
  const { t } = useTranslation();
  const entry = useStore(messageStore, (s) => s[conversationId] ?? EMPTY_CONVERSATION);
  const buyerReadSeq = useStore(conversationStore, (s) => s.byId[conversationId]?.buyerReadSeq ?? 0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  // Scroll-back keeps the visible message in place while older ones are inserted above it.
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const firstSeq = entry.messages[0]?.seq;
  const pendingCount = useRef(entry.pending.length);
  // 满意度: invitations and ratings sit among the messages at their time (not before the first loaded message).
  const ratings = useConversationRatings(conversationId);
  const satisfactionSettings = useSatisfactionSettings();
  const firstAt = entry.hasOlder ? entry.messages[0]?.createdAt : undefined;
  const events = satisfactionEvents(ratings ?? []).filter((e) => !firstAt || e.at >= firstAt);
  const eventsBefore = (at: string | null): SatisfactionEvent[] => {
    const taken: SatisfactionEvent[] = [];
    while (events.length > 0 && (at === null || events[0]!.at < at)) taken.push(events.shift()!);
    return taken;
  };
  const notice = (event: SatisfactionEvent) => (
    <SatisfactionNotice key={`${event.kind}:${event.rating.id}`} event={event} settings={satisfactionSettings} />
  );

  function scrollToBottom() {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }

  useLayoutEffect(() => {
    atBottom.current = true;
    anchor.current = null;
    scrollToBottom();
  }, [conversationId, entry.loaded]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    // The agent's own new message always scrolls into view, even when reading older history.
    if (entry.pending.length > pendingCount.current) {
      anchor.current = null;
      atBottom.current = true;
    }
    pendingCount.current = entry.pending.length;
    if (anchor.current) {
      el.scrollTop = el.scrollHeight - anchor.current.height + anchor.current.top;
      anchor.current = null;
    } else if (atBottom.current) {
      scrollToBottom();
    }
  }, [entry.messages, entry.pending, entry.buyerTyping, firstSeq, ratings]);

  // Images grow the content after they load; stay pinned to the bottom if we were there.
  useEffect(() => {
    const content = contentRef.current;
    if (!content || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current && !anchor.current) scrollToBottom();
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, [conversationId]);

  function onScroll() {
    const el = scrollRef.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_THRESHOLD_PX;
    if (el.scrollTop < 40 && entry.loaded && entry.hasOlder && !entry.loadingOlder) {
      anchor.current = { height: el.scrollHeight, top: el.scrollTop };
      loadOlder(conversationId).catch((error: unknown) => {
        anchor.current = null;
        onError(error instanceof Error ? error.message : String(error));
      });
    }
  }

  return (
    <div className="message-scroll" ref={scrollRef} onScroll={onScroll} data-testid="message-list">
      <div className="message-content" ref={contentRef}>
        {!entry.loaded ? (
          <div className="pane-center">
            <Spin />
          </div>
        ) : (
          <div className="history-edge">
            {entry.loadingOlder ? (
              <>
                <Spin size="small" /> {t('chat.loadingOlder')}
              </>
            ) : entry.hasOlder ? (
              '\u00a0'
            ) : (
              t('chat.noMore')
            )}
          </div>
        )}
        {entry.messages.map((message) => (
          <Fragment key={message.id}>
            {eventsBefore(message.createdAt).map(notice)}
            <MessageBubble message={message} buyerReadSeq={buyerReadSeq} />
          </Fragment>
        ))}
        {entry.loaded && eventsBefore(null).map(notice)}
        {entry.pending.map((pending) => (
          <PendingBubble key={pending.clientMsgId} pending={pending} />
        ))}
      </div>
    </div>
  );
}
