import { chinaTimeOf, formatFen, type MeasureFactKind, type MeasureRow, type MeasureTargets } from '@golddesk/contracts';
import { i18next } from '../../platform/i18n';

/** A figure of a MeasureRow (the numeric ones: not key or label). */
export type FigureKey = Exclude<keyof MeasureRow, 'key' | 'label'>;

/** How a figure reads: a count, seconds ("1 分 5 秒"), a share (%), a ratio, money from fen, hours, a long duration. */
export type FigureFormat = 'count' | 'seconds' | 'share' | 'ratio' | 'fen' | 'hours' | 'duration';

/** What a figure is, how it reads, and the facts it drills down to. */
export interface FigureSpec {
  format: FigureFormat;
  facts: MeasureFactKind;
  /** For figures the shop sets a target on: whether lower or higher is better. */
  better?: 'lower' | 'higher';
}

/** Every figure of a row: its format and its facts (the rows it is computed from). */
export const FIGURES: Record<FigureKey, FigureSpec> = {
  buyers: { format: 'count', facts: 'turns' },
  turns: { format: 'count', facts: 'turns' },
  unansweredTurns: { format: 'count', facts: 'turns' },
  firstResponseSeconds: { format: 'seconds', facts: 'turns', better: 'lower' },
  averageResponseSeconds: { format: 'seconds', facts: 'turns', better: 'lower' },
  fastShare: { format: 'share', facts: 'turns', better: 'higher' },
  buyerMessages: { format: 'count', facts: 'turns' },
  agentMessages: { format: 'count', facts: 'turns' },
  answerRatio: { format: 'ratio', facts: 'turns', better: 'higher' },
  inquiries: { format: 'count', facts: 'inquiries' },
  ordered: { format: 'count', facts: 'inquiries' },
  paidSameDay: { format: 'count', facts: 'inquiries' },
  paidByNextDay: { format: 'count', facts: 'inquiries' },
  paidFinal: { format: 'count', facts: 'inquiries' },
  conversionSameDay: { format: 'share', facts: 'inquiries' },
  conversionFinal: { format: 'share', facts: 'inquiries', better: 'higher' },
  paidFen: { format: 'fen', facts: 'inquiries' },
  orderValueFen: { format: 'fen', facts: 'inquiries' },
  remindedOrders: { format: 'count', facts: 'reminders' },
  remindedPaid: { format: 'count', facts: 'reminders' },
  reminderSuccess: { format: 'share', facts: 'reminders', better: 'higher' },
  recoveredFen: { format: 'fen', facts: 'reminders' },
  casesOpened: { format: 'count', facts: 'cases' },
  casesFinished: { format: 'count', facts: 'cases' },
  caseHours: { format: 'hours', facts: 'cases' },
  refundFen: { format: 'fen', facts: 'cases' },
  ratings: { format: 'count', facts: 'ratings' },
  satisfied: { format: 'count', facts: 'ratings' },
  satisfaction: { format: 'share', facts: 'ratings', better: 'higher' },
  onlineSeconds: { format: 'duration', facts: 'online' },
};

const t = (key: string, options?: Record<string, unknown>) => i18next.t(key, options);

/** Seconds as people say them: "45 秒", "1 分 5 秒", "10 分" (en "45 s", "1 min 5 s"). */
export function formatSeconds(seconds: number): string {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  if (minutes === 0) return t('measures.unit.seconds', { count: rest });
  if (rest === 0) return t('measures.unit.minutes', { count: minutes });
  return t('measures.unit.minutesSeconds', { minutes, seconds: rest });
}

/** A long span (online time): "5 小时 12 分", "40 分". */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return t('measures.unit.minutes', { count: minutes });
  return t('measures.unit.hoursMinutes', { hours, minutes: minutes % 60 });
}

/** A share as a percentage with one decimal where it matters: "87.5%", "100%". */
export function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

/** A figure for people: "—" where nothing was counted. */
export function formatFigure(format: FigureFormat, value: number | null): string {
  if (value === null) return '—';
  switch (format) {
    case 'count':
      return value.toLocaleString('en-US');
    case 'seconds':
      return formatSeconds(value);
    case 'share':
      return formatShare(value);
    case 'ratio':
      return value.toFixed(2);
    case 'fen':
      return formatFen(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    case 'hours':
      return t('measures.unit.hours', { count: Number(value.toFixed(1)) });
    case 'duration':
      return formatDuration(value);
  }
}

/** A figure's value in a row (null where nothing was counted). */
export const figureOf = (row: MeasureRow, key: FigureKey): number | null => row[key];

/** Whether a figure meets the shop's target: 'met', 'missed', or null (no target, or nothing counted). */
export function targetMark(key: FigureKey, value: number | null, targets: MeasureTargets | null): 'met' | 'missed' | null {
  const better = FIGURES[key].better;
  const target = better && targets ? targets[key as keyof MeasureTargets] : null;
  if (target === null || target === undefined || value === null) return null;
  const met = better === 'lower' ? value <= target : value >= target;
  return met ? 'met' : 'missed';
}

/** The target as words: "目标 ≤ 30 秒", "目标 ≥ 80%". */
export function targetText(key: FigureKey, targets: MeasureTargets | null): string | null {
  const spec = FIGURES[key];
  const target = spec.better && targets ? targets[key as keyof MeasureTargets] : null;
  if (target === null || target === undefined) return null;
  const sign = spec.better === 'lower' ? '≤' : '≥';
  return t('measures.target.text', { sign, value: formatFigure(spec.format, target) });
}

// ---- China calendar days (the server counts days in China time, whatever the browser's zone) ----

const DAY_MS = 24 * 3600_000;

/** `day` (YYYY-MM-DD) moved by `days`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The days from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to && days.length < 400; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The named ranges of the date picker, in China days relative to `now`. */
export type RangePreset = 'yesterday' | 'thisWeek' | 'lastWeek' | 'last7' | 'last30';
export const RANGE_PRESETS: RangePreset[] = ['yesterday', 'thisWeek', 'lastWeek', 'last7', 'last30'];

/** [from, to] of a preset; a week starts on Monday. */
export function presetRange(preset: RangePreset, now: Date): [string, string] {
  const { date: today, weekday } = chinaTimeOf(now);
  const monday = addDays(today, -weekday);
  switch (preset) {
    case 'yesterday':
      return [addDays(today, -1), addDays(today, -1)];
    case 'thisWeek':
      return [monday, today];
    case 'lastWeek':
      return [addDays(monday, -7), addDays(monday, -1)];
    case 'last7':
      return [addDays(today, -6), today];
    case 'last30':
      return [addDays(today, -29), today];
  }
}

/** Today in China time. */
export const chinaToday = (now: Date): string => chinaTimeOf(now).date;
