import {
  satisfactionLevelWord,
  satisfactionReasonWord,
  SATISFIED_FROM_SCORE,
  type SatisfactionRatingView,
  type SatisfactionSettings,
} from '@golddesk/contracts';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import './satisfaction.css';
import './satisfaction.locales';

/** One line of a rating in the chat: when the buyer was invited, or what they answered. */
export interface SatisfactionEvent {
  kind: 'invited' | 'rated';
  /** ISO time the line sits at among the messages. */
  at: string;
  rating: SatisfactionRatingView;
}

/** The lines a conversation's ratings add to the chat, oldest first. */
export function satisfactionEvents(ratings: readonly SatisfactionRatingView[]): SatisfactionEvent[] {
  const events: SatisfactionEvent[] = [];
  for (const rating of ratings) {
    events.push({ kind: 'invited', at: rating.invitedAt, rating });
    if (rating.ratedAt) events.push({ kind: 'rated', at: rating.ratedAt, rating });
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}

const FACES: Record<number, string> = { 5: '😄', 4: '🙂', 3: '😐', 2: '🙁', 1: '😣' };

/** A rating's line in the chat, centred like the system's notices (`settings` names the idle minutes). */
export const SatisfactionNotice = memo(function SatisfactionNotice({
  event,
  settings,
}: {
  event: SatisfactionEvent;
  settings: SatisfactionSettings | null;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { rating } = event;
  const time = dayjs(event.at).format('HH:mm:ss');
  if (event.kind === 'invited') {
    const text =
      rating.invitedBy === 'agent'
        ? t('satisfaction.invited.agent', { name: rating.invitingAgent?.name ?? '' })
        : rating.invitedBy === 'idle'
          ? settings
            ? t('satisfaction.invited.idle', { minutes: settings.idleMinutes })
            : t('satisfaction.invited.idleNoMinutes')
          : t('satisfaction.invited.closed');
    return (
      <div className="message-row center" data-testid="satisfaction-invited" data-rating-id={rating.id}>
        <div className="satisfaction-invited">
          {text} · {time}
        </div>
      </div>
    );
  }
  const score = rating.score ?? 0;
  const tone = score >= SATISFIED_FROM_SCORE ? 'positive' : score <= 2 ? 'negative' : '';
  const reasons = rating.reasons.map((key) => satisfactionReasonWord(key, language));
  return (
    <div className="message-row center" data-testid="satisfaction-rated" data-rating-id={rating.id} data-score={score}>
      <div className={`satisfaction-rated ${tone}`}>
        <div className="satisfaction-rated-head">
          <span className="satisfaction-rated-title">{t('satisfaction.ratedTitle')}</span>
          <span aria-hidden="true">{FACES[score]}</span>
          <strong data-testid="satisfaction-level">{satisfactionLevelWord(score, language)}</strong>
          {reasons.map((reason) => (
            <Tag key={reason} bordered={false} data-testid="satisfaction-reason">
              {reason}
            </Tag>
          ))}
        </div>
        <div className="satisfaction-rated-comment" data-testid="satisfaction-comment">
          {rating.comment ?? t('satisfaction.noComment')}
        </div>
        <div className="satisfaction-rated-meta">
          {rating.agent ? `${t('satisfaction.about', { name: rating.agent.name })} · ` : ''}
          {time}
        </div>
      </div>
    </div>
  );
});
