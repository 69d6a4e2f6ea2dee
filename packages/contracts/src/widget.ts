import { z } from 'zod';
import { Id } from './common.js';
import { ShopSlug } from './auth.js';

export const WidgetSessionRequest = z.object({
  shop: ShopSlug,
  visitorId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/).optional()
    .describe('kept by the widget in localStorage so a reload is the same buyer'),
  nick: z.string().min(1).max(32).optional(),
});
export type WidgetSessionRequest = z.infer<typeof WidgetSessionRequest>;

export const WidgetSessionResponse = z.object({
  token: z.string(),
  expiresAt: z.string().optional(),
  visitorId: z.string().optional(),
  buyer: z.object({ id: Id, nick: z.string().optional() }),
  conversation: z.object({ id: Id, lastSeq: z.number().int().optional(), agentReadSeq: z.number().int().optional() }),
  shop: z.object({ slug: z.string(), name: z.string() }).optional(),
});
export type WidgetSessionResponse = z.infer<typeof WidgetSessionResponse>;
