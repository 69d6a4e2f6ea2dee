import { z } from 'zod';
import { Fen, Id, IsoDateTime } from './common.js';
import { TaskStatus } from './cases.js';

/** Reviews (评价) from the marketplace: mid and negative ones (中差评) are followed up, with the outcome recorded. */

/** 好评 4–5 stars, 中评 3, 差评 1–2. */
export const ReviewLevel = z.enum(['good', 'mid', 'bad']);
export type ReviewLevel = z.infer<typeof ReviewLevel>;

/** 已修改 (the buyer revised it), 已解释 (the shop answered publicly), 未回复 (the buyer did not answer), 恶意差评申诉. */
export const ReviewOutcome = z.enum(['revised', 'explained', 'no_reply', 'appealed']);
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;

export const ReviewView = z.object({
  id: Id,
  /** The marketplace's id of the review. */
  externalId: z.string(),
  rating: z.number().int().min(1).max(5),
  level: ReviewLevel,
  text: z.string(),
  pictures: z.array(z.string()),
  orderId: Id.nullable(),
  orderNo: z.string(),
  buyerId: Id.nullable(),
  buyerNick: z.string().nullable(),
  /** The buyer's chat, to open from the review. */
  conversationId: Id.nullable(),
  /** The buyer's after-sales cases on that order. */
  caseIds: z.array(Id),
  reviewedAt: IsoDateTime,
  receivedAt: IsoDateTime,
  followUp: z.object({ taskId: Id, status: TaskStatus, dueAt: IsoDateTime }).nullable(),
  outcome: ReviewOutcome.nullable(),
  outcomeNote: z.string().nullable(),
  outcomeAt: IsoDateTime.nullable(),
  outcomeBy: z.string().nullable(),
});
export type ReviewView = z.infer<typeof ReviewView>;

export const ListReviewsQuery = z.object({
  level: ReviewLevel.optional(),
  /** open: a follow-up without an outcome yet; done: with one. */
  followUp: z.enum(['open', 'done']).optional(),
  orderId: Id.optional(),
  buyerId: Id.optional(),
});
export const ListReviewsResponse = z.object({ reviews: z.array(ReviewView) });
export type ListReviewsResponse = z.infer<typeof ListReviewsResponse>;
export const ReviewResponse = z.object({ review: ReviewView });
export type ReviewResponse = z.infer<typeof ReviewResponse>;

export const RecordReviewOutcomeRequest = z.object({ outcome: ReviewOutcome, note: z.string().max(500).optional() });

/** Per week (Monday, China time): reviews by level and follow-ups by outcome. */
export const ReviewWeek = z.object({
  weekStart: z.string().describe('YYYY-MM-DD, a Monday'),
  good: z.number().int(),
  mid: z.number().int(),
  bad: z.number().int(),
  open: z.number().int(),
  revised: z.number().int(),
  explained: z.number().int(),
  no_reply: z.number().int(),
  appealed: z.number().int(),
});
export const ReviewWeeksQuery = z.object({ weeks: z.coerce.number().int().min(1).max(52).optional() });
export const ReviewWeeksResponse = z.object({
  weeks: z.array(ReviewWeek),
  /** Set when the shop promises 好评返现: the marketplace's rule the page states beside it. */
  cashbackRule: z.string().nullable(),
  cashbackRuleEn: z.string().nullable(),
});
export type ReviewWeeksResponse = z.infer<typeof ReviewWeeksResponse>;

/** The level of a star rating. */
export function reviewLevelOf(rating: number): ReviewLevel {
  return rating >= 4 ? 'good' : rating === 3 ? 'mid' : 'bad';
}

/** Ratings as a Chinese export writes them: stars, or the level's word. */
export const REVIEW_LEVEL_LABELS: Record<string, number> = { 好评: 5, 中评: 3, 差评: 1 };

/** What the marketplace says about paying for good reviews (shown where the shop sets a cashback). */
export const CASHBACK_RULE = {
  'zh-CN':
    '平台规则：不得以返现、红包、赠品等利益诱导买家给出好评或修改评价，违者按「虚假交易/不当使用他人权利」处理；好评返现只可作为不以评价内容为条件的售后关怀。',
  en: 'Marketplace rule: no cashback, red packets or gifts may be offered to make buyers give or change a good review; offenders are penalised for false transactions. A cashback may only be an after-sales courtesy that does not depend on what the review says.',
} as const;

export const GoodReviewCashback = Fen.min(0).max(100_00);
