import type { ConversationSummary, Message } from '@golddesk/contracts';
import { Avatar, Badge } from 'antd';
import dayjs from 'dayjs';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { previewMessage } from './contact-preview';
import { WaitTimer } from './WaitTimer';

interface ContactItemProps {
  conversation: ConversationSummary;
  active: boolean;
  onSelect: (conversationId: string) => void;
}

const AVATAR_COLORS = ['#ff6a00', '#1677ff', '#52c41a', '#722ed1', '#eb2f96', '#13c2c2', '#fa8c16'];

/** A stable colour per buyer so the same buyer is recognisable at a glance. */
function avatarColor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return AVATAR_COLORS[hash % AVATAR_COLORS.length]!;
}

function shortTime(iso: string): string {
  const time = dayjs(iso);
  return time.isSame(dayjs(), 'day') ? time.format('HH:mm') : time.format('MM-DD');
}

function usePreview(message: Message | null): string {
  const { t } = useTranslation();
  if (!message) return t('contacts.noMessage');
  if (message.kind === 'image') return t('chat.imageMessage');
  if (message.kind === 'product') return `${t('chat.productMessage')} ${message.body}`;
  if (message.kind === 'order') return `${t('chat.orderMessage')} ${message.order?.orderNo ?? ''}`;
  return message.body;
}

/** One row of the contacts list: avatar, nick, preview, time, unread badge and wait timer. */
export const ContactItem = memo(function ContactItem({ conversation, active, onSelect }: ContactItemProps) {
  const { t } = useTranslation();
  const previewed = previewMessage(conversation);
  const preview = usePreview(previewed);
  const nick = conversation.buyer.nick;
  const closed = conversation.status === 'closed';
  const row = useRef<HTMLDivElement>(null);
  // Opened by a shortcut (Alt+↓, Alt+N), the row may be out of sight: bring it in.
  useEffect(() => {
    if (active) row.current?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);
  return (
    <div
      ref={row}
      role="button"
      tabIndex={0}
      className={`contact-item${active ? ' active' : ''}${closed ? ' closed' : ''}`}
      data-testid="contact-item"
      data-conversation-id={conversation.id}
      onClick={() => onSelect(conversation.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') onSelect(conversation.id);
      }}
    >
      <Badge count={conversation.unreadCount} size="small" offset={[-2, 2]} data-testid="unread-badge">
        <Avatar
          size={40}
          style={{ background: avatarColor(conversation.buyer.id) }}
          src={conversation.buyer.avatarUrl || undefined}
        >
          {nick.slice(0, 1).toUpperCase()}
        </Avatar>
      </Badge>
      <div className="contact-main">
        <div className="contact-line">
          <span className="contact-name">
            <span className="contact-nick" title={nick}>
              {nick}
            </span>
            {conversation.buyer.verified === false && (
              <span className="contact-unverified" title={t('customer.unverifiedHint')} data-testid="contact-unverified">
                {t('customer.unverified')}
              </span>
            )}
          </span>
          <span className="contact-time">{shortTime(conversation.lastMessage?.createdAt ?? conversation.updatedAt)}</span>
        </div>
        <div className="contact-line">
          <span className="contact-preview" title={preview} data-testid="contact-preview">
            {preview}
          </span>
          {!closed && conversation.queuePosition != null && (
            // Queued by routing: its group and place, as the buyer's widget shows it.
            <span className="contact-queue" data-testid="contact-queue">
              {conversation.group ? `${t(`routing.groups.${conversation.group}`, { defaultValue: conversation.group })} · ` : ''}
              {t('routing.queue.place', { position: conversation.queuePosition })}
            </span>
          )}
          {closed ? (
            <span className="contact-closed">{t('contacts.closed')}</span>
          ) : (
            conversation.waitingSince && <WaitTimer since={conversation.waitingSince} />
          )}
        </div>
      </div>
    </div>
  );
});
