import { z } from 'zod';
import { Fen, Id, IsoDateTime } from './common.js';
import { formatFen } from './money.js';
import { ServerText } from './server-texts.js';

/**
 * 催付: payment reminders for unpaid orders. The shop's settings live under shops.settings.paymentReminders;
 * the chat reminder is a bot message filled from `template`; important orders still unpaid after the last
 * chat reminder become phone/SMS tasks for support agents.
 */

/** Variables a reminder template may use; {店铺活动} is the shop's current promotions in one line. */
export const REMINDER_VARIABLES = ['{买家昵称}', '{订单号}', '{商品名}', '{付款金额}', '{店铺活动}'] as const;

export const DEFAULT_REMINDER_TEMPLATE =
  '亲爱的{买家昵称}，您拍下的「{商品名}」（订单号 {订单号}）还没有付款哦，应付 {付款金额}。库存有限，付款后我们会尽快为您发货～{店铺活动}';

export const PaymentReminderSettings = z.object({
  enabled: z.boolean().describe('send chat reminders for unpaid orders'),
  firstAfterMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .describe('the first reminder goes this many minutes after the order was placed (default 10)'),
  repeatAfterMinutes: z
    .array(
      z
        .number()
        .int()
        .min(5)
        .max(24 * 60),
    )
    .min(1)
    .max(5)
    .describe('gap before the 2nd, 3rd … reminder after the previous one (the last gap repeats)'),
  maxReminders: z.number().int().min(1).max(5).describe('K: at most this many chat reminders per order (default 2)'),
  template: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .describe(`the chat message; variables ${REMINDER_VARIABLES.join(' ')}`),
  incentive: z
    .string()
    .trim()
    .max(100)
    .describe('optional small incentive line appended to the message (e.g. a coupon); empty: none'),
  taskThresholdFen: Fen.min(0)
    .max(100_000_000)
    .describe('orders totalling at least this much become phone/SMS follow-up tasks (default ¥200)'),
  taskMinVip: z
    .number()
    .int()
    .min(0)
    .max(10)
    .describe('buyers with at least this VIP level always get a follow-up task (default 2)'),
});
export type PaymentReminderSettings = z.infer<typeof PaymentReminderSettings>;
export const PaymentReminderSettingsResponse = z.object({ settings: PaymentReminderSettings });

export const DEFAULT_PAYMENT_REMINDER_SETTINGS: PaymentReminderSettings = {
  enabled: true,
  firstAfterMinutes: 10,
  repeatAfterMinutes: [60],
  maxReminders: 2,
  template: DEFAULT_REMINDER_TEMPLATE,
  incentive: '',
  taskThresholdFen: 20_000,
  taskMinVip: 2,
};

export interface ReminderTemplateValues {
  buyerNick: string;
  orderNo: string;
  productTitle: string;
  totalFen: number;
  promotions: string;
}

/** The reminder text: template variables filled, the incentive on its own line when there is one. */
export function fillReminderTemplate(template: string, incentive: string, values: ReminderTemplateValues): string {
  const map: Record<string, string> = {
    '{买家昵称}': values.buyerNick,
    '{订单号}': values.orderNo,
    '{商品名}': values.productTitle,
    '{付款金额}': formatFen(values.totalFen),
    '{店铺活动}': values.promotions,
  };
  const body = template.replace(/\{(买家昵称|订单号|商品名|付款金额|店铺活动)\}/g, (v) => map[v] ?? v).trim();
  return incentive.trim() ? `${body}\n${incentive.trim()}` : body;
}

export const REMINDER_TASK_OUTCOMES = ['paid', 'will_pay', 'not_interested', 'no_answer'] as const;
export const ReminderTaskOutcome = z.enum(REMINDER_TASK_OUTCOMES);
export type ReminderTaskOutcome = z.infer<typeof ReminderTaskOutcome>;

export const ReminderTaskView = z.object({
  id: Id,
  orderId: Id,
  orderNo: z.string(),
  orderStatus: z.string(),
  totalFen: Fen,
  buyer: z.object({ id: Id, nick: z.string(), vipLevel: z.number().int(), phone: z.string().nullable() }),
  reason: z.string().describe('why the order needs a call, e.g. 金额 ¥259.00 ≥ ¥200.00'),
  reasonText: ServerText.nullable().optional().describe('`reason` as a code, for agents reading in English'),
  remindersSent: z.number().int(),
  status: z.enum(['open', 'done']),
  dueAt: IsoDateTime.describe('start of the call window (11:30–13:30 or 18:00–20:00 China time)'),
  windowEndAt: IsoDateTime,
  assignee: z.object({ id: Id, name: z.string() }).nullable(),
  outcome: ReminderTaskOutcome.nullable(),
  note: z.string().nullable(),
  doneAt: IsoDateTime.nullable(),
  doneBy: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type ReminderTaskView = z.infer<typeof ReminderTaskView>;

export const ListReminderTasksQuery = z.object({
  status: z.enum(['open', 'done', 'all']).default('open'),
  mine: z.enum(['0', '1']).optional().describe('1: only tasks assigned to me'),
});
export const ReminderTasksResponse = z.object({ tasks: z.array(ReminderTaskView) });
export const ReminderTaskResponse = z.object({ task: ReminderTaskView });
export const RecordReminderOutcomeRequest = z.object({
  outcome: ReminderTaskOutcome,
  note: z.string().trim().max(500).optional(),
});

export const ReminderStatsQuery = z.object({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
    .optional()
    .describe('first China-time day (default: 6 days before to)'),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
    .optional()
    .describe('last China-time day (default: today)'),
});
export const ReminderStatsDay = z.object({
  date: z.string().describe('China-time day of the first reminder'),
  reminded: z.number().int().describe('orders that got their first reminder that day'),
  paid: z.number().int().describe('of those, paid within 24 h after the first reminder'),
  successRate: z.number().describe('paid / reminded, 0..1 (0 when nothing was reminded)'),
  recoveredFen: Fen.describe('total of the paid ones'),
});
export type ReminderStatsDay = z.infer<typeof ReminderStatsDay>;
export const ReminderStatsResponse = z.object({
  from: z.string(),
  to: z.string(),
  days: z.array(ReminderStatsDay),
  totals: ReminderStatsDay.omit({ date: true }),
});
export type ReminderStatsResponse = z.infer<typeof ReminderStatsResponse>;
