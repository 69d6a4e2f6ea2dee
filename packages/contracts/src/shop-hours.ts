import { z } from 'zod';

/**
 * The shop's hours (营业时间): when agents are on duty, holidays, and the quiet hours during which nobody
 * is reminded (催付). All times are China time (UTC+8) whatever the server's time zone. The checks are plain
 * functions here so the server and the workbench agree on "open now".
 */

/** "HH:mm", 00:00–23:59, or 24:00 as a closing time. */
export const ClockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:mm');

/** One weekday's window; close ≤ open means the window runs past midnight (e.g. 20:00–02:00). */
export const DayHours = z.object({
  closed: z.boolean().default(false),
  open: ClockTime,
  close: ClockTime,
});
export type DayHours = z.infer<typeof DayHours>;

export const Holiday = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  label: z.string().trim().max(40).optional(),
});
export type Holiday = z.infer<typeof Holiday>;

export const ShopHours = z.object({
  /** true: `weekly` holds the same window seven times (the UI edits one "every day" window). */
  sameEveryDay: z.boolean(),
  /** Monday first, Sunday last: exactly seven entries. */
  weekly: z.array(DayHours).length(7),
  holidays: z.array(Holiday).max(200),
  /** No reminders (催付) from start to end; start = end means no quiet hours. */
  quietHours: z.object({ start: ClockTime, end: ClockTime }),
});
export type ShopHours = z.infer<typeof ShopHours>;
export const ShopHoursResponse = z.object({
  hours: ShopHours,
  /** At the server's clock: inside business hours (and not a holiday)? */
  openNow: z.boolean(),
  quietNow: z.boolean(),
});

/** Business hours 09:00–23:00 every day, no holidays, quiet hours 23:00–08:00. */
export const DEFAULT_SHOP_HOURS: ShopHours = {
  sameEveryDay: true,
  weekly: Array.from({ length: 7 }, () => ({ closed: false, open: '09:00', close: '23:00' })),
  holidays: [],
  quietHours: { start: '23:00', end: '08:00' },
};

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

/** The China-time calendar date (YYYY-MM-DD), weekday (0 = Monday) and minute of the day of an instant. */
export function chinaTimeOf(at: Date): { date: string; weekday: number; minute: number } {
  const shifted = new Date(at.getTime() + CHINA_OFFSET_MS);
  return {
    date: shifted.toISOString().slice(0, 10),
    weekday: (shifted.getUTCDay() + 6) % 7,
    minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

/** Inside the shop's business hours at `at`: not a holiday, and inside that weekday's window (or yesterday's past midnight). */
export function isWithinBusinessHours(settings: ShopHours, at: Date): boolean {
  const today = chinaTimeOf(at);
  if (settings.holidays.some((h) => h.date === today.date)) return false;
  const day = settings.weekly[today.weekday];
  if (day && !day.closed) {
    const open = minutesOf(day.open);
    const close = minutesOf(day.close);
    if (close > open ? today.minute >= open && today.minute < close : today.minute >= open) return true;
  }
  // Yesterday's window running past midnight still counts (unless today is a holiday, checked above).
  const yesterday = settings.weekly[(today.weekday + 6) % 7];
  if (yesterday && !yesterday.closed) {
    const open = minutesOf(yesterday.open);
    const close = minutesOf(yesterday.close);
    if (close <= open && today.minute < close) return true;
  }
  return false;
}

/** Inside the quiet hours at `at` (start inclusive, end exclusive; may run past midnight). */
export function isQuietTime(settings: ShopHours, at: Date): boolean {
  const start = minutesOf(settings.quietHours.start);
  const end = minutesOf(settings.quietHours.end);
  if (start === end) return false;
  const { minute } = chinaTimeOf(at);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** The instant a China-time calendar date (YYYY-MM-DD) begins; NaN for a malformed date. */
export function chinaMidnightOf(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`) - CHINA_OFFSET_MS;
}

/** `at` itself when it is not quiet, otherwise the moment the quiet hours end (China time). */
export function nextTimeOutsideQuiet(settings: ShopHours, at: Date): Date {
  if (!isQuietTime(settings, at)) return at;
  let candidate = chinaMidnightOf(chinaTimeOf(at).date) + minutesOf(settings.quietHours.end) * 60_000;
  while (candidate <= at.getTime()) candidate += DAY_MS;
  return new Date(candidate);
}

/**
 * The first instant after `at` when the shop is inside its business hours, or null when it never opens within
 * `horizonDays`. Openness only changes at a window's start or at midnight (a holiday begins or ends), so those
 * instants are the candidates.
 */
export function nextOpeningOf(settings: ShopHours, at: Date, horizonDays = 400): Date | null {
  const firstMidnight = chinaMidnightOf(chinaTimeOf(at).date);
  for (let day = 0; day <= horizonDays; day++) {
    const midnight = firstMidnight + day * DAY_MS;
    const window = settings.weekly[chinaTimeOf(new Date(midnight)).weekday];
    const candidates = [midnight];
    if (window && !window.closed) candidates.push(midnight + minutesOf(window.open) * 60_000);
    for (const candidate of candidates) {
      if (candidate > at.getTime() && isWithinBusinessHours(settings, new Date(candidate))) return new Date(candidate);
    }
  }
  return null;
}

/** What a buyer is told about service right now (the widget's header): open by the hours, and anyone there. */
export const ServiceStatus = z.object({
  /** Inside the shop's business hours (not a holiday) at the server's clock. */
  open: z.boolean(),
  /** At least one agent of the shop has the workbench open (a live stream), on any server process. */
  agentsOnline: z.boolean(),
  /** When closed: the next time the hours open (ISO 8601); null while open or when no opening is scheduled. */
  nextOpenAt: z.string().nullable(),
});
export type ServiceStatus = z.infer<typeof ServiceStatus>;
