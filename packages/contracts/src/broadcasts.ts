import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';
import { SegmentFilter } from './crm.js';

/** Broadcasts (群发): one template to a customer segment, throttled, honouring opt-outs and quiet hours. */

export const BROADCAST_STATUSES = ['draft', 'scheduled', 'sending', 'done', 'cancelled'] as const;
export const BroadcastStatus = z.enum(BROADCAST_STATUSES);
export type BroadcastStatus = z.infer<typeof BroadcastStatus>;

/** Why a recipient was not sent the message. */
export const BROADCAST_SKIP_REASONS = ['opted_out', 'blocked', 'cancelled'] as const;
export const BroadcastSkipReason = z.enum(BROADCAST_SKIP_REASONS);
export type BroadcastSkipReason = z.infer<typeof BroadcastSkipReason>;

export const BROADCAST_VARIABLES = ['{买家昵称}', '{店铺名}', '{店铺活动}'] as const;
export const BROADCAST_TEMPLATE_MAX = 500;
export const BROADCAST_THROTTLE_DEFAULT = 60;
export const BROADCAST_THROTTLE_MAX = 600;
/** A buyer message that is exactly one of these (any case, trimmed) opts the buyer out of marketing messages. */
export const OPT_OUT_WORDS: readonly string[] = ['退订', 'td'];
/** …and this one opts back in. */
export const OPT_IN_WORD = '订阅';

/** Whether a buyer's message is an opt-out (one of OPT_OUT_WORDS). */
export function isOptOutMessage(body: string): boolean {
  return OPT_OUT_WORDS.includes(body.trim().toLowerCase());
}

/**
 * Fills {买家昵称} {店铺名} {店铺活动}. A line whose variables all came out empty is dropped, so
 * "本店活动：{店铺活动}" disappears on a day without campaigns instead of ending in a bare colon.
 */
export function fillBroadcastTemplate(
  template: string,
  values: { buyerNick: string; shopName: string; promotions: string },
): string {
  const pattern = /\{(买家昵称|店铺名|店铺活动)\}/g;
  const map: Record<string, string> = { 买家昵称: values.buyerNick, 店铺名: values.shopName, 店铺活动: values.promotions };
  return template
    .split('\n')
    .flatMap((line) => {
      const names = [...line.matchAll(pattern)].map((m) => m[1]!);
      if (names.length && names.every((name) => !map[name])) return [];
      return [line.replace(pattern, (_, name: string) => map[name] ?? '')];
    })
    .join('\n')
    .trim();
}

export const BroadcastInput = z.object({
  title: z.string().trim().min(1).max(60),
  template: z.string().trim().min(1).max(BROADCAST_TEMPLATE_MAX),
  /** A saved segment (客户分群) … */
  segmentId: Id.nullable().default(null),
  /** … or an inline filter (as GET /api/v1/customers applies it) when no segment is given. */
  filter: SegmentFilter.nullable().default(null),
  throttlePerMinute: z.number().int().min(1).max(BROADCAST_THROTTLE_MAX).default(BROADCAST_THROTTLE_DEFAULT),
  /** When to start sending once started; null = right away. */
  scheduledAt: IsoDateTime.nullable().default(null),
});
export type BroadcastInput = z.input<typeof BroadcastInput>;

export const BroadcastStats = z.object({
  recipients: z.number().int(),
  pending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  skippedByReason: z.record(z.string(), z.number().int()),
  /** Sent and read by the buyer (the buyer's read position reached the message). */
  read: z.number().int(),
  /** Sent and the buyer wrote back within 3 days. */
  replied: z.number().int(),
});
export type BroadcastStats = z.infer<typeof BroadcastStats>;

export const BroadcastView = z.object({
  id: Id,
  title: z.string(),
  template: z.string(),
  segmentId: Id.nullable(),
  segmentName: z.string().nullable(),
  filter: SegmentFilter.nullable(),
  throttlePerMinute: z.number().int(),
  status: BroadcastStatus,
  scheduledAt: IsoDateTime.nullable(),
  startedAt: IsoDateTime.nullable(),
  finishedAt: IsoDateTime.nullable(),
  /** Sending but held by the shop's quiet hours until resumesAt. */
  paused: z.boolean(),
  resumesAt: IsoDateTime.nullable(),
  createdBy: z.string(),
  createdAt: IsoDateTime,
  stats: BroadcastStats,
});
export type BroadcastView = z.infer<typeof BroadcastView>;

export const BroadcastResponse = z.object({ broadcast: BroadcastView });
export const ListBroadcastsResponse = z.object({ broadcasts: z.array(BroadcastView) });
export const StartBroadcastRequest = z.object({ scheduledAt: IsoDateTime.nullable().optional() }).default({});

export const BroadcastRecipientView = z.object({
  buyerId: Id,
  buyerNick: z.string(),
  status: z.enum(['pending', 'sent', 'skipped', 'failed']),
  reason: z.string().nullable(),
  sentAt: IsoDateTime.nullable(),
  read: z.boolean(),
  replied: z.boolean(),
});
export type BroadcastRecipientView = z.infer<typeof BroadcastRecipientView>;
export const ListBroadcastRecipientsQuery = z.object({
  status: z.enum(['pending', 'sent', 'skipped', 'failed']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const ListBroadcastRecipientsResponse = z.object({
  recipients: z.array(BroadcastRecipientView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** Who a segment or filter reaches now: its members minus blacklisted and opted-out buyers. */
export const BroadcastAudienceQuery = z.object({ segmentId: Id });
export const BroadcastAudienceResponse = z.object({
  members: z.number().int(),
  blocked: z.number().int(),
  optedOut: z.number().int(),
  reachable: z.number().int(),
});
