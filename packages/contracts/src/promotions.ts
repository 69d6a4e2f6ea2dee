import { z } from 'zod';
import { Fen, Id, IsoDateTime } from './common.js';

/** 店铺活动: the shop's campaigns (预售, 满减, 优惠券, 包邮…) with dates; auto-replies and quick replies cite the active ones. */

export const PROMOTION_KINDS = ['presale', 'full_reduction', 'coupon', 'free_shipping', 'other'] as const;
export const PromotionKind = z.enum(PROMOTION_KINDS);
export type PromotionKind = z.infer<typeof PromotionKind>;

const Amount = Fen.min(0).max(100_000_000);

export const PromotionInput = z.object({
  kind: PromotionKind,
  title: z.string().trim().min(1).max(40),
  /** 满 X (满减, coupon, 包邮); 0 = no threshold. */
  thresholdFen: Amount.nullable().optional(),
  /** 减 Y (满减), the coupon's value, or what a presale deposit counts for (定金 50 抵 100 → 10000). */
  amountFen: Amount.nullable().optional(),
  /** 预售定金. */
  depositFen: Amount.nullable().optional(),
  /** Free text shown after the summary (who may use it, limits…). */
  note: z.string().trim().max(200).default(''),
  /** Where buyers read more: an http(s) address. */
  link: z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/\S+$/, 'http(s) URL')
    .nullable()
    .optional(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
});
export type PromotionInput = z.input<typeof PromotionInput>;

export const PromotionStatus = z.enum(['upcoming', 'active', 'ended']);
export type PromotionStatus = z.infer<typeof PromotionStatus>;

export const PromotionView = z.object({
  id: Id,
  kind: PromotionKind,
  title: z.string(),
  thresholdFen: Fen.nullable(),
  amountFen: Fen.nullable(),
  depositFen: Fen.nullable(),
  note: z.string(),
  link: z.string().nullable(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  status: PromotionStatus,
  /** One line as the buyer reads it (双11预售：定金 50 抵 100（11-01 至 11-10）). */
  summary: z.string(),
  updatedAt: IsoDateTime,
});
export type PromotionView = z.infer<typeof PromotionView>;

export const PromotionsResponse = z.object({ promotions: z.array(PromotionView) });
export const PromotionResponse = z.object({ promotion: PromotionView });
export const ActivePromotionsResponse = z.object({
  promotions: z.array(PromotionView),
  /** The one line {店铺活动} becomes ('' when none is active). */
  summary: z.string(),
});
