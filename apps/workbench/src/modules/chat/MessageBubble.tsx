import type { Message } from '@golddesk/contracts';
import dayjs from 'dayjs';
import { memo } from 'react';
import { useServerText } from '../../platform/server-text';
import { useTranslation } from 'react-i18next';
import { retryMessage, type PendingMessage } from '../conversations';
import { DeliveryState } from './DeliveryState';
import { MessageContent } from './MessageContent';
import { OrderCardMessage } from './OrderCardMessage';

interface StoredBubbleProps {
  message: Message;
  /** The buyer has seen up to this seq (for the ✓✓ read mark). */
  buyerReadSeq: number;
}

/** A stored message: buyer on the left, agent on the right, bot/system centred. */
export const MessageBubble = memo(function MessageBubble({ message, buyerReadSeq }: StoredBubbleProps) {
  const { t } = useTranslation();
  const word = useServerText();
  const time = dayjs(message.createdAt).format('HH:mm:ss');
  if (message.sender === 'system' || message.sender === 'bot') {
    // A system notice is text, in the agent's language when the server coded it (the buyer got the Chinese, shown on
    // hover); the order it is about (改价, 改地址…) shows as a card under it.
    const body = word(message.body, message.notice);
    const notice = message.sender === 'system' ? { ...message, body, kind: 'text' as const } : message;
    return (
      <div
        className="message-row center"
        data-testid="message-item"
        data-sender={message.sender}
        data-seq={message.seq}
        data-message-id={message.id}
      >
        <div
          className={`message-notice ${message.sender}`}
          data-testid={message.sender === 'system' ? 'system-notice' : undefined}
          data-code={message.notice?.code}
          title={body === message.body ? undefined : message.body}
        >
          <span className="message-notice-label">{t(`chat.sender.${message.sender}`)}</span>
          <MessageContent
            kind={notice.kind}
            body={notice.body}
            imageUrl={notice.attachment?.url}
            product={notice.product}
            order={notice.order}
          />
        </div>
        {message.sender === 'system' && message.order && (
          <div className="bubble kind-order notice-order">
            <OrderCardMessage card={message.order} />
          </div>
        )}
      </div>
    );
  }
  const mine = message.sender === 'agent';
  return (
    <div
      className={`message-row ${mine ? 'right' : 'left'}`}
      data-testid="message-item"
      data-sender={message.sender}
      data-seq={message.seq}
      data-message-id={message.id}
    >
      <div className="message-meta">
        {mine && message.agent?.name ? <span className="message-author">{message.agent.name}</span> : null}
        <span>{time}</span>
      </div>
      <div className={`bubble ${mine ? 'bubble-agent' : 'bubble-buyer'} kind-${message.kind}`}>
        <MessageContent
          kind={message.kind}
          body={message.body}
          imageUrl={message.attachment?.url}
          product={message.product}
          order={message.order}
        />
      </div>
      {mine && <DeliveryState state={message.seq <= buyerReadSeq ? 'read' : 'sent'} />}
    </div>
  );
});

/** An agent message not yet stored by the server (sending, or failed with a retry). */
export const PendingBubble = memo(function PendingBubble({ pending }: { pending: PendingMessage }) {
  return (
    <div
      className="message-row right pending"
      data-testid="message-item"
      data-sender="agent"
      data-seq=""
      data-client-msg-id={pending.clientMsgId}
    >
      <div className="message-meta">
        <span>{dayjs(pending.createdAt).format('HH:mm:ss')}</span>
      </div>
      <div className={`bubble bubble-agent kind-${pending.kind}`}>
        <MessageContent kind={pending.kind} body={pending.body} imageUrl={pending.previewUrl} />
      </div>
      <DeliveryState state={pending.state} error={pending.error} onRetry={() => retryMessage(pending)} />
    </div>
  );
});
