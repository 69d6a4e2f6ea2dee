import { InboundEvent, type InboundEventResult } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { AppError, type Language } from '../../../platform/http/errors.js';
import { findControlText } from '../../../platform/text/control-text.js';
import { checkSignature } from '../../../platform/security/hmac-signature.js';
import { recordAudit } from '../../audit/index.js';
import type { AfterCommit } from '../../logistics/index.js';
import { announceOrder, recordOrderUpdated } from '../../orders/index.js';
import { presentOrder } from '../../orders/index.js';
import { findOrderWithItems } from '../../orders/index.js';
import { findShopBySlug } from '../../shops/index.js';
import type { ApplyContext, ApplyOutcome } from '../appliers/applier.js';
import { storeNotes, wordNotes } from '../inbound-notes.js';
import { applyOrderProgress } from '../appliers/order-progress.js';
import { applyOrderUpserted } from '../appliers/order-upserted.js';
import { applyAftersaleRefunded } from '../appliers/aftersale-refunded.js';
import { applyAftersaleRequested } from '../appliers/aftersale-requested.js';
import { applyReviewCreated } from '../appliers/review-created.js';
import { applyProductUpserted } from '../appliers/product-upserted.js';
import {
  ensureIntegrationSecrets,
  findInboundEvent,
  insertInboundEvent,
  listParkedEvents,
  markInboundEvent,
} from '../integration.repository.js';

const INTEGRATION_ACTOR = { kind: 'integration' as const, id: null, name: '店铺系统' };

export interface ReceiveInboundEventProps {
  shopSlug: string;
  /** The body exactly as received: the signature covers these bytes. */
  rawBody: string;
  signatureHeader: string | undefined;
  /** The language of the answer's note (the stored note is worded again for each reader). */
  language?: Language;
}

/**
 * A signed event from the shop's system. Refused (401) unless signed with the shop's secret within the
 * last 5 minutes; the same event id twice changes nothing; an event for an order not synced yet waits
 * (parked) and is applied when the order arrives.
 */
export async function receiveInboundEvent(app: AppContext, props: ReceiveInboundEventProps): Promise<InboundEventResult> {
  const shop = await findShopBySlug(app.storage.db, props.shopSlug);
  // An unknown shop answers like a bad signature, so shop names cannot be probed.
  if (!shop) throw new AppError('bad_signature');
  const now = app.now();
  const secrets = await ensureIntegrationSecrets(app.storage.db, shop.id, now.toISOString());
  const check = checkSignature(secrets.inbound_secret, props.rawBody, props.signatureHeader, Math.floor(now.getTime() / 1000));
  if (check !== 'ok') throw new AppError(check === 'stale' ? 'stale_signature' : 'bad_signature');

  let event: InboundEvent;
  try {
    event = InboundEvent.parse(JSON.parse(props.rawBody));
  } catch (error) {
    throw new AppError('invalid_input', { detail: error instanceof SyntaxError ? 'JSON' : firstIssue(error) });
  }
  // The signed body is raw text; what it decodes to gets the same control-character refusal as any request.
  const controlField = findControlText(event, 'body');
  if (controlField) throw new AppError('invalid_text', { field: controlField.slice(0, 120) });
  if (await findInboundEvent(app.storage.db, shop.id, event.id)) return { status: 'duplicate' };

  const touched = new Set<string>();
  let followUps: AfterCommit[] = [];
  let result: InboundEventResult;
  try {
    result = await app.storage.db.transaction().execute(async (trx) => {
      if (await findInboundEvent(trx, shop.id, event.id)) return { status: 'duplicate' as const };
      const ctx: ApplyContext = { app, trx, shopId: shop.id, now: now.toISOString(), afterCommit: (followUps = []) };
      const outcome = await apply(ctx, event);
      await insertInboundEvent(trx, {
        shop_id: shop.id,
        event_id: event.id,
        type: event.type,
        order_no: orderNoOf(event),
        occurred_at: event.occurredAt,
        payload_json: props.rawBody,
        status: outcome.status,
        note: storeNotes(outcome.note),
        received_at: ctx.now,
      });
      await settle(ctx, event.type, outcome, touched);
      // Events that were waiting for this order can go now, oldest first.
      if (outcome.createdOrderNo) {
        for (const parked of await listParkedEvents(trx, shop.id, outcome.createdOrderNo)) {
          const waiting = InboundEvent.parse(JSON.parse(parked.payload_json));
          const later = await apply(ctx, waiting);
          await markInboundEvent(trx, shop.id, parked.event_id, later.status, storeNotes(later.note));
          await settle(ctx, waiting.type, later, touched);
        }
      }
      // Webhooks hear of every order this event touched, through the outbox (committed with the change).
      for (const orderId of touched) {
        const touchedOrder = await findOrderWithItems(trx, shop.id, orderId);
        if (touchedOrder) await recordOrderUpdated(trx, shop.id, presentOrder(touchedOrder), ctx.now);
      }
      const note = wordNotes(storeNotes(outcome.note), props.language ?? 'zh-CN');
      return { status: outcome.status, ...(note ? { note } : {}) };
    });
  } catch (error) {
    // The same event racing on another process: the first one stands.
    if (!(error instanceof AppError) && (await findInboundEvent(app.storage.db, shop.id, event.id)))
      return { status: 'duplicate' };
    throw error;
  }
  for (const followUp of followUps) followUp(app);
  for (const orderId of touched) {
    const order = await findOrderWithItems(app.storage.db, shop.id, orderId);
    if (order) announceOrder(app, shop.id, presentOrder(order));
  }
  return result;
}

function apply(ctx: ApplyContext, event: InboundEvent): Promise<ApplyOutcome> {
  switch (event.type) {
    case 'product.upserted':
      return applyProductUpserted(ctx, event.data);
    case 'order.upserted':
      return applyOrderUpserted(ctx, event.data);
    case 'aftersale.requested':
      return applyAftersaleRequested(ctx, event);
    case 'aftersale.refunded':
      return applyAftersaleRefunded(ctx, event);
    case 'review.created':
      return applyReviewCreated(ctx, event);
    default:
      return applyOrderProgress(ctx, event);
  }
}

async function settle(ctx: ApplyContext, type: string, outcome: ApplyOutcome, touched: Set<string>) {
  if (outcome.orderId) touched.add(outcome.orderId);
  if (outcome.status !== 'applied' || !outcome.audit) return;
  await recordAudit(ctx.trx, {
    shopId: ctx.shopId,
    actor: INTEGRATION_ACTOR,
    action: `integration.${type}`,
    ...outcome.audit,
    after: outcome.note ? { ...outcome.audit.after, note: wordNotes(storeNotes(outcome.note), 'zh-CN') } : outcome.audit.after,
    at: ctx.now,
  });
}

function orderNoOf(event: InboundEvent): string | null {
  return 'orderNo' in event.data ? event.data.orderNo : null;
}

function firstIssue(error: unknown): string {
  const issue = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
  return issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'event';
}
