import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../platform/clock';

/** Seconds after which a waiting buyer turns the timer amber, then red (team response targets). */
export const AMBER_AFTER_S = 60;
export const RED_AFTER_S = 100;

export type WaitLevel = 'normal' | 'amber' | 'red';

export function waitLevel(seconds: number): WaitLevel {
  if (seconds >= RED_AFTER_S) return 'red';
  if (seconds >= AMBER_AFTER_S) return 'amber';
  return 'normal';
}

function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

interface WaitTimerProps {
  /** ISO time of the oldest unanswered buyer message. */
  since: string;
}

/** A live "how long has this buyer waited" counter, ticking every second. */
export function WaitTimer({ since }: WaitTimerProps) {
  const { t } = useTranslation();
  const now = useNow();
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const level = waitLevel(seconds);
  return (
    <span className={`wait-timer wait-${level}`} data-testid="wait-timer" data-level={level} title={t('contacts.waitTitle')}>
      <ClockCircleOutlined /> {formatDuration(seconds)}
    </span>
  );
}
