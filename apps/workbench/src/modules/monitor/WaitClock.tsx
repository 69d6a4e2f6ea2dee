import { ClockCircleOutlined } from '@ant-design/icons';
import type { MonitorResponse } from '@golddesk/contracts';
import { formatWait, waitLevel, waitSeconds } from './monitor-rows';

interface WaitClockProps {
  /** Since when the buyer waits (server time). */
  since: string;
  /** The server's clock now, in ms (useServerNow). */
  serverNow: number;
  /** The snapshot's red and alert limits. */
  limits: Pick<MonitorResponse, 'redAfterSeconds' | 'alertAfterSeconds'>;
}

/** A buyer's wait as a ticking mm:ss, coloured by its level (red past the agent's limit, bold red past the alert). */
export function WaitClock({ since, serverNow, limits }: WaitClockProps) {
  const seconds = waitSeconds(since, serverNow);
  const level = waitLevel(seconds, limits);
  return (
    <span className={`monitor-wait monitor-wait-${level}`} data-testid="monitor-wait" data-level={level}>
      <ClockCircleOutlined /> {formatWait(seconds)}
    </span>
  );
}
