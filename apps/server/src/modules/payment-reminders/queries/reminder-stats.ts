import { chinaMidnightOf, chinaTimeOf, type ReminderStatsDay, type ReminderStatsResponse } from '@golddesk/contracts';
import type { Queryable } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/errors.js';
import { listFirstReminders } from '../payment-reminder.repository.js';

const DAY_MS = 24 * 3600_000;
const MAX_DAYS = 92;
/** Paid within this long after the first reminder counts as the reminder's success. */
export const ATTRIBUTION_MS = 24 * 3600_000;

const chinaDate = (ms: number) => chinaTimeOf(new Date(ms)).date;
const chinaMidnight = chinaMidnightOf;

/**
 * 催付 figures per China-time day of the first reminder: orders reminded, paid within 24 h after the first
 * reminder, success rate and amount recovered. Computed from payment_reminders and the orders' paid_at, so
 * a payment however it arrives (integration, import, demo) is attributed.
 */
export async function reminderStats(
  db: Queryable,
  shopId: string,
  now: Date,
  query: { from?: string; to?: string },
): Promise<ReminderStatsResponse> {
  const to = query.to ?? chinaDate(now.getTime());
  const from = query.from ?? chinaDate(chinaMidnight(to) - 6 * DAY_MS);
  const start = chinaMidnight(from);
  const end = chinaMidnight(to) + DAY_MS;
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start)
    throw new AppError('invalid_input', { detail: 'from 须不晚于 to' });
  if ((end - start) / DAY_MS > MAX_DAYS) throw new AppError('invalid_input', { detail: `最多查询 ${MAX_DAYS} 天` });

  const days = new Map<string, ReminderStatsDay>();
  for (let t = start; t < end; t += DAY_MS) {
    const date = chinaDate(t);
    days.set(date, { date, reminded: 0, paid: 0, successRate: 0, recoveredFen: 0 });
  }
  for (const r of await listFirstReminders(db, shopId, new Date(start).toISOString(), new Date(end).toISOString())) {
    const day = days.get(chinaDate(Date.parse(r.sentAt)))!;
    day.reminded += 1;
    const paidMs = r.paidAt ? Date.parse(r.paidAt) : NaN;
    const sentMs = Date.parse(r.sentAt);
    if (paidMs >= sentMs && paidMs <= sentMs + ATTRIBUTION_MS) {
      day.paid += 1;
      day.recoveredFen += r.totalFen;
    }
  }
  const list = [...days.values()].map((d) => ({ ...d, successRate: rate(d.paid, d.reminded) }));
  const reminded = list.reduce((n, d) => n + d.reminded, 0);
  const paid = list.reduce((n, d) => n + d.paid, 0);
  return {
    from,
    to,
    days: list,
    totals: { reminded, paid, successRate: rate(paid, reminded), recoveredFen: list.reduce((n, d) => n + d.recoveredFen, 0) },
  };
}

function rate(paid: number, reminded: number) {
  return reminded ? Math.round((paid / reminded) * 10_000) / 10_000 : 0;
}
