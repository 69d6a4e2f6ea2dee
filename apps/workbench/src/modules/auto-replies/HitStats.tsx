import type { AutoReplyStats } from '@golddesk/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** A rule's hits: the total, the last hit, and a small bar per day of the last 14 days. */
export function HitStats({
  stats,
  testId,
  compact,
}: {
  stats: AutoReplyStats;
  testId?: string;
  /** In a table: no label, last hit in the tooltip. */ compact?: boolean;
}) {
  const { t } = useTranslation();
  const max = Math.max(1, ...stats.byDay.map((d) => d.hits));
  return (
    <span
      className="hit-stats"
      title={
        stats.lastHitAt
          ? t('autoReplies.lastHit', { time: dayjs(stats.lastHitAt).format('MM-DD HH:mm') })
          : t('autoReplies.never')
      }
    >
      <span>
        {!compact && `${t('autoReplies.hits')} `}
        <strong data-testid={testId}>{stats.hits}</strong>
      </span>
      <span className="hit-bars" aria-label={t('autoReplies.last14')}>
        {stats.byDay.map((d) => (
          <span
            key={d.day}
            className={d.hits ? '' : 'zero'}
            style={{ height: `${Math.max(8, (d.hits / max) * 100)}%` }}
            title={`${d.day.slice(5)}：${d.hits}`}
          />
        ))}
      </span>
      {stats.lastHitAt && !compact && (
        <span>{t('autoReplies.lastHit', { time: dayjs(stats.lastHitAt).format('MM-DD HH:mm') })}</span>
      )}
    </span>
  );
}
