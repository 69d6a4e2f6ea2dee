import { chinaMidnightOf, chinaTimeOf } from '@golddesk/contracts';
import { isQuietTime, type ShopHours } from '../shop-hours/index.js';

const DAY_MS = 24 * 3600_000;

/** Phone calls at sensible times (China time): around lunch, and after work. */
export const CALL_WINDOWS = [
  { start: 11 * 60 + 30, end: 13 * 60 + 30 },
  { start: 18 * 60, end: 20 * 60 },
] as const;

/**
 * The call window a follow-up task goes into: the one `at` is inside, else the next one to start; a window
 * whose start falls in the shop's quiet hours is skipped. dueAt is `at` itself inside a window.
 */
export function nextCallWindow(at: Date, hours: ShopHours): { dueAt: Date; endAt: Date } {
  const chinaMidnight = chinaMidnightOf(chinaTimeOf(at).date);
  for (let day = 0; day < 8; day++) {
    for (const window of CALL_WINDOWS) {
      const start = chinaMidnight + day * DAY_MS + window.start * 60_000;
      const end = chinaMidnight + day * DAY_MS + window.end * 60_000;
      if (end <= at.getTime()) continue;
      const dueAt = new Date(Math.max(start, at.getTime()));
      if (isQuietTime(hours, dueAt)) continue;
      return { dueAt, endAt: new Date(end) };
    }
  }
  // Quiet hours covering every window: fall back to the first lunch window.
  const start = chinaMidnight + DAY_MS + CALL_WINDOWS[0].start * 60_000;
  return { dueAt: new Date(start), endAt: new Date(start + 2 * 3600_000) };
}
