import { z } from 'zod';
import { Id } from './common.js';
import { ShopSlug } from './auth.js';
import { BuyerOrderView } from './shop.js';

export const WidgetSessionRequest = z.object({
  shop: ShopSlug,
  visitorId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .describe('the visitor id this browser was given; with its visitorSecret a reload is the same buyer'),
  visitorSecret: z
    .string()
    .min(16)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .describe('the secret issued with visitorId; without it (or wrong) a new anonymous visitor starts'),
  nick: z.string().min(1).max(32).optional(),
  /**
   * Signed by the shop's backend so the visitor is its known customer (and may see their orders):
   * signature = hex HMAC-SHA256(identitySecret, "<externalId>.<timestamp>"), timestamp in unix seconds,
   * valid for 24 hours. Without it the visitor stays anonymous.
   */
  identity: z
    .object({
      externalId: z.string().min(1).max(64),
      timestamp: z.number().int(),
      signature: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .optional(),
});
export type WidgetSessionRequest = z.infer<typeof WidgetSessionRequest>;

export const WidgetSessionResponse = z.object({
  token: z.string(),
  expiresAt: z.string().optional(),
  visitorId: z.string().optional(),
  /** Issued to an anonymous visitor: keep it with visitorId to resume. Absent for a verified customer (the signature is the way back). */
  visitorSecret: z.string().optional(),
  buyer: z.object({ id: Id, nick: z.string().optional(), verified: z.boolean().optional() }),
  conversation: z.object({ id: Id, lastSeq: z.number().int().optional(), agentReadSeq: z.number().int().optional() }),
  shop: z.object({ slug: z.string(), name: z.string() }).optional(),
});
export type WidgetSessionResponse = z.infer<typeof WidgetSessionResponse>;

export const WidgetOrdersResponse = z.object({ orders: z.array(BuyerOrderView) });
