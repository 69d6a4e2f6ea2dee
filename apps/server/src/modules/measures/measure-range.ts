import { chinaMidnightOf, chinaTimeOf, MAX_MEASURE_RANGE_DAYS } from '@golddesk/contracts';
import { AppError } from '../../platform/http/errors.js';
import type { FactFilter } from './measures.repository.js';

const DAY_MS = 24 * 3600_000;
const HOUR_MS = 3600_000;

/**
 * The facts filter for a China date range (both days included): a malformed date, a start after the end or a range
 * longer than MAX_MEASURE_RANGE_DAYS is refused with an error that says which.
 */
export function factFilterOf(shopId: string, range: { from: string; to: string; agentId?: string; group?: string }): FactFilter {
  const from = chinaMidnightOf(range.from);
  const to = chinaMidnightOf(range.to);
  for (const [field, at, date] of [
    ['from', from, range.from],
    ['to', to, range.to],
  ] as const) {
    if (Number.isNaN(at) || chinaTimeOf(new Date(at)).date !== date) {
      throw new AppError('invalid_input', { detail: `${field}: ${date} (YYYY-MM-DD)` });
    }
  }
  if (to < from) throw new AppError('invalid_range', { from: range.from, to: range.to });
  const days = Math.round((to - from) / DAY_MS) + 1;
  if (days > MAX_MEASURE_RANGE_DAYS) throw new AppError('range_too_long', { limit: MAX_MEASURE_RANGE_DAYS, days });
  return {
    shopId,
    fromDay: range.from,
    toDay: range.to,
    fromIso: new Date(from).toISOString(),
    toIso: new Date(to + DAY_MS).toISOString(),
    ...(range.agentId ? { agentId: range.agentId } : {}),
    ...(range.group ? { group: range.group } : {}),
  };
}

/** Every China date from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = chinaMidnightOf(from); at <= chinaMidnightOf(to); at += DAY_MS) days.push(chinaTimeOf(new Date(at)).date);
  return days;
}

/** A stretch of online time inside one China hour. */
export interface OnlinePiece {
  agentId: string;
  day: string;
  hour: number;
  seconds: number;
}

/**
 * Online periods (在线, 忙碌) clipped to the range and cut at China hours, so online time sums by agent, day or hour
 * alike. A period still running counts up to `now`.
 */
export function onlineSecondsBy(
  periods: readonly { agent_id: string; started_at: string; ended_at: string | null }[],
  filter: Pick<FactFilter, 'fromIso' | 'toIso'>,
  now: Date,
): OnlinePiece[] {
  const pieces: OnlinePiece[] = [];
  const rangeStart = Date.parse(filter.fromIso);
  const rangeEnd = Math.min(Date.parse(filter.toIso), now.getTime());
  for (const period of periods) {
    let start = Math.max(Date.parse(period.started_at), rangeStart);
    const end = Math.min(period.ended_at ? Date.parse(period.ended_at) : now.getTime(), rangeEnd);
    while (start < end) {
      // China time is whole hours ahead of UTC, so UTC hour boundaries are China hour boundaries.
      const hourEnd = Math.min(Math.floor(start / HOUR_MS) * HOUR_MS + HOUR_MS, end);
      const { date, minute } = chinaTimeOf(new Date(start));
      pieces.push({ agentId: period.agent_id, day: date, hour: Math.floor(minute / 60), seconds: (hourEnd - start) / 1000 });
      start = hourEnd;
    }
  }
  return pieces;
}
