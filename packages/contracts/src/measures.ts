import { z } from 'zod';
import { Fen, Id, IsoDateTime } from './common.js';

/**
 * How the response figures are counted (docs/measures.md explains each with a worked example). They follow the
 * marketplaces' usual rules: only turns that start 08:00–23:00 China time count, each turn is capped at 10 minutes,
 * an unanswered turn counts as 10 minutes, and a reply within 3 minutes is "fast" (target 80%).
 */
export const RESPONSE_RULES = {
  /** China-time hours a counted turn may start in: [start, end). */
  windowStartHour: 8,
  windowEndHour: 23,
  /** A turn's time is capped here; an unanswered turn counts as this much once it is this old. */
  capSeconds: 600,
  /** Answered within this is a fast reply (3 分钟响应率). */
  fastSeconds: 180,
} as const;

/** A payment made within this many days of a buyer's question is the final conversion (最终付款). */
export const CONVERSION_WINDOW_DAYS = 3;

/** Longest date range a figures request may span (a longer one is refused with range_too_long). */
export const MAX_MEASURE_RANGE_DAYS = 400;

/** A China calendar date, YYYY-MM-DD. */
export const ChinaDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** What the rows of a figures table are: one per agent, routing group, China day, China hour (0–23), or the shop. */
export const MeasureGrouping = z.enum(['agent', 'group', 'day', 'hour', 'shop']);
export type MeasureGrouping = z.infer<typeof MeasureGrouping>;

/** Which figures to compute: a China date range (inclusive), optionally one agent's or one group's. */
export const MeasuresQuery = z.object({
  from: ChinaDate,
  to: ChinaDate,
  by: MeasureGrouping.default('agent'),
  agentId: Id.optional(),
  group: z.string().min(1).max(40).optional(),
});
export type MeasuresQuery = z.input<typeof MeasuresQuery>;

/** One row of figures. Averages and shares are null where nothing was counted (no turns, no inquiries …). */
export const MeasureRow = z.object({
  /** The agent's id, the group's key, the day (YYYY-MM-DD), the hour ("0"…"23"), or "shop". */
  key: z.string(),
  /** The agent's or group's name; the key again for days and hours. */
  label: z.string(),
  /** 接待人数: buyers who had at least one counted turn. */
  buyers: z.number().int(),
  /** Turns counted for the response figures (started 08:00–23:00, answered or unanswered past 10 minutes). */
  turns: z.number().int(),
  /** Of them, unanswered (each counted as 10 minutes). */
  unansweredTurns: z.number().int(),
  /** 首次响应时间: mean seconds of each buyer's first counted turn of the day. */
  firstResponseSeconds: z.number().nullable(),
  /** 平均响应时间: mean capped seconds over counted turns. */
  averageResponseSeconds: z.number().nullable(),
  /** 3 分钟响应率: share of counted turns answered within 3 minutes. */
  fastShare: z.number().nullable(),
  /** Buyer messages and agent messages in those conversations; 答问比 = agentMessages / buyerMessages. */
  buyerMessages: z.number().int(),
  agentMessages: z.number().int(),
  answerRatio: z.number().nullable(),
  /** 询单人数: buyers who asked before paying (one per buyer per day). */
  inquiries: z.number().int(),
  /** Of them, who placed an order after asking (within the conversion window). */
  ordered: z.number().int(),
  /** Of them, who paid the same China day, by the end of the next day, and within CONVERSION_WINDOW_DAYS (最终). */
  paidSameDay: z.number().int(),
  paidByNextDay: z.number().int(),
  paidFinal: z.number().int(),
  /** 询单转化率 (当日 / 最终) = paid / inquiries. */
  conversionSameDay: z.number().nullable(),
  conversionFinal: z.number().nullable(),
  /** Paid by converted inquiries (their first paid order), and 客单价 = paidFen / paidFinal. */
  paidFen: Fen,
  orderValueFen: z.number().nullable(),
  /** 催付: orders reminded in the range, those paid after the reminder, the share (催付成功率) and the amount recovered. */
  remindedOrders: z.number().int(),
  remindedPaid: z.number().int(),
  reminderSuccess: z.number().nullable(),
  recoveredFen: Fen,
  /** 售后: cases opened, cases finished, their mean hours to finish, refunds agreed. */
  casesOpened: z.number().int(),
  casesFinished: z.number().int(),
  caseHours: z.number().nullable(),
  refundFen: Fen,
  /** 满意度: ratings received, those 满意 or 很满意, the share. */
  ratings: z.number().int(),
  satisfied: z.number().int(),
  satisfaction: z.number().nullable(),
  /** 在线时长: seconds online (在线 or 忙碌) within the range. */
  onlineSeconds: z.number().int(),
});
export type MeasureRow = z.infer<typeof MeasureRow>;

/** The shop's targets, drawn on the charts and marked on the board; null where the shop set none. */
export const MeasureTargets = z.object({
  firstResponseSeconds: z.number().min(0).max(3600).nullable(),
  averageResponseSeconds: z.number().min(0).max(3600).nullable(),
  fastShare: z.number().min(0).max(1).nullable(),
  answerRatio: z.number().min(0).max(100).nullable(),
  conversionFinal: z.number().min(0).max(1).nullable(),
  reminderSuccess: z.number().min(0).max(1).nullable(),
  satisfaction: z.number().min(0).max(1).nullable(),
});
export type MeasureTargets = z.infer<typeof MeasureTargets>;

/** The marketplace's usual bar where the shop set nothing: 80% of turns within 3 minutes. */
export const DEFAULT_MEASURE_TARGETS: MeasureTargets = {
  firstResponseSeconds: 30,
  averageResponseSeconds: 60,
  fastShare: 0.8,
  answerRatio: null,
  conversionFinal: null,
  reminderSuccess: null,
  satisfaction: 0.9,
};

export const MeasuresResponse = z.object({
  from: ChinaDate,
  to: ChinaDate,
  by: MeasureGrouping,
  rows: z.array(MeasureRow),
  /** The whole range (the same filters), one row. */
  total: MeasureRow,
  targets: MeasureTargets,
  /** When the figures were computed (facts recorded up to then). */
  computedAt: IsoDateTime,
});
export type MeasuresResponse = z.infer<typeof MeasuresResponse>;

/** Response-time distribution buckets (upper bounds in seconds; the last one is "over 10 minutes or unanswered"). */
export const RESPONSE_BUCKETS = [15, 30, 60, 180, 300, 600] as const;

export const ResponseDistribution = z.object({
  /** Counted turns per bucket: ≤15 s, ≤30 s, ≤1 min, ≤3 min, ≤5 min, ≤10 min, then unanswered or capped. */
  buckets: z.array(z.object({ upToSeconds: z.number().nullable(), turns: z.number().int() })),
});
export type ResponseDistribution = z.infer<typeof ResponseDistribution>;

/** The facts a figure is computed from, for drill-down and export. */
export const MeasureFactKind = z.enum(['turns', 'inquiries', 'reminders', 'ratings', 'cases', 'online']);
export type MeasureFactKind = z.infer<typeof MeasureFactKind>;

export const MeasureFactsQuery = MeasuresQuery.omit({ by: true }).extend({
  kind: MeasureFactKind,
  /** Narrow to one China day or hour (the cell that was clicked). */
  day: ChinaDate.optional(),
  hour: z.coerce.number().int().min(0).max(23).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type MeasureFactsQuery = z.input<typeof MeasureFactsQuery>;

/** A drill-down table: its columns (stable keys) and rows of plain values, in the order of `columns`. */
export const MeasureFactsResponse = z.object({
  kind: MeasureFactKind,
  columns: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  total: z.number().int(),
});
export type MeasureFactsResponse = z.infer<typeof MeasureFactsResponse>;

export const RebuildMeasuresResponse = z.object({
  conversations: z.number().int(),
  messages: z.number().int(),
  turns: z.number().int(),
  inquiries: z.number().int(),
});
export type RebuildMeasuresResponse = z.infer<typeof RebuildMeasuresResponse>;

/** Ratings in a range by score (5 很满意 … 1 很不满意) and by the reasons buyers picked. */
export const SatisfactionBreakdown = z.object({
  scores: z.array(z.object({ score: z.number().int().min(1).max(5), ratings: z.number().int() })),
  reasons: z.array(z.object({ reason: z.string(), ratings: z.number().int() })),
});
export type SatisfactionBreakdown = z.infer<typeof SatisfactionBreakdown>;

/** What an export holds: the figures table (with `by`) or one kind of facts; CSV (UTF-8 with BOM, opens in Excel) or xlsx. */
export const MeasuresExportQuery = MeasuresQuery.extend({
  table: z.union([z.literal('figures'), MeasureFactKind]).default('figures'),
  format: z.enum(['csv', 'xlsx']).default('csv'),
  /** A kind of facts narrowed to one China day or hour (the drill-down's cell). */
  day: ChinaDate.optional(),
  hour: z.coerce.number().int().min(0).max(23).optional(),
});
export type MeasuresExportQuery = z.input<typeof MeasuresExportQuery>;

/** The China hour the daily summary (昨日绩效) goes to the webhooks subscribed to measures.daily_summary. */
export const DAILY_SUMMARY_HOUR = 8;

/** The body of a measures.daily_summary delivery: yesterday's figures for the shop and per agent, with the targets. */
export const DailySummary = z.object({
  day: ChinaDate,
  shop: MeasureRow,
  agents: z.array(MeasureRow),
  targets: MeasureTargets,
});
export type DailySummary = z.infer<typeof DailySummary>;
