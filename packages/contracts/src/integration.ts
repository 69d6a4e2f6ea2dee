import { z } from 'zod';
import { CaseType } from './cases.js';
import { Fen, IsoDateTime } from './common.js';

/**
 * What a shop's own system or a marketplace connector pushes to
 * POST /api/v1/integrations/:shop/events, signed with the shop's inbound secret:
 * header `X-GoldDesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 */
const OrderNo = z.string().min(1).max(64);

export const ProductUpserted = z.object({
  externalId: z.string().min(1).max(64),
  title: z.string().min(1).max(120),
  category: z.string().min(1).max(32).default('其他'),
  priceFen: Fen.min(0),
  description: z.string().max(2000).default(''),
  listingNotes: z.string().max(500).nullable().optional(),
  /** Shipping weight in grams, for the courier cost; left out = keep the product's own. */
  weightG: z.number().int().min(1).max(100_000).optional(),
  skus: z
    .array(z.object({ props: z.record(z.string(), z.string()), priceFen: Fen.min(0), stock: z.number().int().min(0) }))
    .min(1),
});

export const OrderUpserted = z.object({
  orderNo: OrderNo,
  buyer: z.object({
    externalId: z.string().min(1).max(64),
    nick: z.string().min(1).max(32),
    phone: z.string().max(20).optional(),
  }),
  totalFen: Fen.min(0),
  items: z
    .array(
      z.object({
        productExternalId: z.string().max(64).optional(),
        title: z.string().min(1).max(120),
        skuProps: z.record(z.string(), z.string()).default({}),
        priceFen: Fen.min(0),
        quantity: z.number().int().min(1),
      }),
    )
    .min(1),
  receiver: z.object({
    name: z.string().min(1).max(32),
    phone: z.string().min(5).max(20),
    province: z.string().max(16).optional(),
    address: z.string().min(4).max(200),
  }),
  placedAt: IsoDateTime,
});

export const InboundEvent = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('product.upserted'), data: ProductUpserted }),
    z.object({ type: z.literal('order.upserted'), data: OrderUpserted }),
    z.object({ type: z.literal('order.paid'), data: z.object({ orderNo: OrderNo, paidAt: IsoDateTime }) }),
    z.object({
      type: z.literal('order.shipped'),
      data: z.object({
        orderNo: OrderNo,
        carrier: z.string().min(1).max(32),
        trackingNo: z.string().min(4).max(40),
        shippedAt: IsoDateTime,
      }),
    }),
    z.object({
      type: z.literal('tracking.updated'),
      data: z.object({
        orderNo: OrderNo,
        status: z.enum(['in_transit', 'out_for_delivery', 'signed', 'exception', 'returned']),
        description: z.string().min(1).max(200),
        location: z.string().max(64).optional(),
        occurredAt: IsoDateTime,
      }),
    }),
    z.object({ type: z.literal('order.completed'), data: z.object({ orderNo: OrderNo, completedAt: IsoDateTime }) }),
    z.object({
      type: z.literal('order.closed'),
      data: z.object({ orderNo: OrderNo, reason: z.string().min(1).max(200), closedAt: IsoDateTime }),
    }),
    /** A buyer asked the marketplace for after-sales: a case opens (judged by the shop's policy like any other). */
    z.object({
      type: z.literal('aftersale.requested'),
      data: z.object({
        orderNo: OrderNo,
        caseType: CaseType,
        reason: z.string().min(1).max(500),
        refundFen: Fen.min(0).optional(),
        itemIndexes: z.array(z.number().int().min(0).max(99)).max(50).optional(),
        requestedAt: IsoDateTime,
      }),
    }),
    /** A buyer reviewed an order on the marketplace; a mid or negative one opens a follow-up task. */
    z.object({
      type: z.literal('review.created'),
      data: z.object({
        externalId: z.string().min(1).max(64),
        orderNo: OrderNo,
        rating: z.number().int().min(1).max(5),
        text: z.string().max(2000).default(''),
        pictures: z.array(z.string().url().max(500)).max(9).default([]),
        reviewedAt: IsoDateTime,
      }),
    }),
    /** The shop's system executed the refund an after-sales case agreed (待退款): the case completes, the buyer is told. */
    z.object({
      type: z.literal('aftersale.refunded'),
      data: z.object({ caseNo: z.string().min(1).max(40), refundFen: Fen.min(0).optional(), refundedAt: IsoDateTime }),
    }),
  ])
  .and(
    z.object({
      /** The sender's event id: the same id again changes nothing. */
      id: z.string().min(1).max(128),
      occurredAt: IsoDateTime,
    }),
  );
export type InboundEvent = z.infer<typeof InboundEvent>;

export const InboundEventResult = z.object({
  status: z.enum(['applied', 'duplicate', 'parked', 'ignored']),
  note: z.string().optional().describe("why it was parked or ignored, or what was inferred, in the request's language"),
});
export type InboundEventResult = z.infer<typeof InboundEventResult>;

export const IntegrationSettings = z.object({
  eventsUrl: z.string(),
  inboundSecret: z.string(),
  identitySecret: z.string(),
  signatureHeader: z.string(),
});

/** GoldDesk events a shop can receive at its own URL (measures.daily_summary: yesterday's 绩效, every morning at 08:00). */
export const WebhookEventType = z.enum(['message.created', 'order.updated', 'aftersale.updated', 'measures.daily_summary']);
export const WebhookView = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(WebhookEventType),
  active: z.boolean(),
  secret: z.string().describe('signs each delivery: X-GoldDesk-Signature, same scheme as inbound events'),
  createdAt: IsoDateTime,
});
export const CreateWebhookRequest = z.object({
  url: z
    .string()
    .url()
    .max(500)
    .regex(/^https?:\/\//, 'http(s) only'),
  events: z.array(WebhookEventType).min(1),
});
export const ListWebhooksResponse = z.object({ webhooks: z.array(WebhookView) });
export const WebhookResponse = z.object({ webhook: WebhookView });
export const WebhookDeliveryView = z.object({
  id: z.string(),
  eventType: z.string(),
  status: z.enum(['pending', 'sending', 'delivered', 'failed']),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: IsoDateTime,
  deliveredAt: IsoDateTime.nullable(),
  nextAttemptAt: IsoDateTime,
});
export const ListDeliveriesResponse = z.object({ deliveries: z.array(WebhookDeliveryView) });

/** One stored inbound event, as the 设置 → 店铺对接 page lists it (duplicates and refused ones are never stored). */
export const InboundEventLogView = z.object({
  id: z.string().describe("the sender's event id"),
  type: z.string(),
  orderNo: z.string().nullable(),
  status: z.string().describe('applied | parked (waiting for its order) | ignored'),
  note: z.string().nullable().describe("why it was parked or ignored, or what was inferred, in the request's language"),
  occurredAt: IsoDateTime,
  receivedAt: IsoDateTime,
});
export type InboundEventLogView = z.infer<typeof InboundEventLogView>;
export const ListInboundEventsResponse = z.object({ events: z.array(InboundEventLogView) });

export type WebhookView = z.infer<typeof WebhookView>;
export type WebhookDeliveryView = z.infer<typeof WebhookDeliveryView>;
export type WebhookEventType = z.infer<typeof WebhookEventType>;
export type IntegrationSettings = z.infer<typeof IntegrationSettings>;
/** POST /api/v1/webhooks/:id/test: a `ping` delivery, queued like any other. */
export const WebhookTestResponse = z.object({ delivery: WebhookDeliveryView });
