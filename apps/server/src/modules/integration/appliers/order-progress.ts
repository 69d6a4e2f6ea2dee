import { findCarrier, serverText, storeServerText, type InboundEvent } from '@golddesk/contracts';
import { insertTrackingEvent, onTrackingEvent, type AfterCommit } from '../../logistics/index.js';
import { publishApprovals } from '../../approvals/index.js';
import { closeStaleApprovals } from '../../orders/index.js';
import { findOrderByNo, updateOrder, type OrderRow } from '../../orders/index.js';
import { advance, pathBetween, transition } from '../../orders/index.js';
import type { InboundNote } from '../inbound-notes.js';
import type { ApplyContext, ApplyOutcome } from './applier.js';

type ProgressEvent = Extract<
  InboundEvent,
  { type: 'order.paid' | 'order.shipped' | 'tracking.updated' | 'order.completed' | 'order.closed' }
>;

const STAMP = { paid: 'paid_at', shipped: 'shipped_at', signed: 'signed_at', completed: 'completed_at' } as const;
type Step = keyof typeof STAMP;

/**
 * Events move an order forward only. Each event's own step takes the event's time (authoritative);
 * skipped steps are filled with it when missing (a shipment implies the payment), and an event older
 * than the order's state only corrects its timestamp. So order of arrival does not matter.
 */
export async function applyOrderProgress(ctx: ApplyContext, event: ProgressEvent): Promise<ApplyOutcome> {
  const { trx, shopId, now } = ctx;
  const order = await findOrderByNo(trx, shopId, event.data.orderNo);
  if (!order) return { status: 'parked', note: [{ code: 'order_not_synced', params: { orderNo: event.data.orderNo } }] };

  if (event.type === 'order.closed') return close(ctx, order, event.data.reason, event.data.closedAt);
  if (event.type === 'tracking.updated') {
    await insertTrackingEvent(trx, {
      shopId,
      orderId: order.id,
      carrier: order.carrier,
      trackingNo: order.tracking_no,
      status: event.data.status,
      description: event.data.description,
      location: event.data.location ?? null,
      occurredAt: event.data.occurredAt,
      createdAt: now,
    });
    await onTrackingEvent(ctx, order, event.data);
    if (event.data.status !== 'signed')
      return { status: 'applied', orderId: order.id, audit: audit(order, {}, { tracking: event.data.status }) };
  }
  const [step, at, extra] = stepOf(event);
  if (order.status === 'closed')
    return {
      status: 'ignored',
      note: [{ code: 'order_closed_ignored', params: { orderNo: order.order_no, eventType: event.type } }],
    };

  // The status moves through the order's state machine, step by step (none when the order is already there or past).
  const changes: Partial<OrderRow> = { ...advance(order, step, at), ...extra, [STAMP[step]]: at, updated_at: now };
  const inferred: string[] = [];
  const earlierSteps = (pathBetween('pending_payment', step) ?? []).slice(0, -1) as Step[];
  for (const earlier of earlierSteps) {
    if (!order[STAMP[earlier]]) {
      changes[STAMP[earlier]] = at;
      inferred.push(earlier);
    }
  }
  await updateOrder(trx, order.id, changes);
  if (event.type === 'order.shipped') {
    await insertTrackingEvent(trx, {
      shopId,
      orderId: order.id,
      carrier: event.data.carrier,
      trackingNo: event.data.trackingNo,
      status: 'shipped',
      location: null,
      description: storeServerText(
        serverText('tracking.seller_shipped', {
          carrier: event.data.carrier,
          carrierCode: findCarrier(event.data.carrier)?.code ?? '',
          trackingNo: event.data.trackingNo,
        }).coded,
      ),
      occurredAt: event.data.shippedAt,
      createdAt: now,
    });
    await onTrackingEvent(ctx, order, { status: 'shipped', description: '卖家已发货' });
  }
  const note: InboundNote[] = [
    ...(inferred.length ? [{ code: 'inferred' as const, params: { eventType: event.type, statuses: inferred } }] : []),
    ...(changes.status ? [] : [{ code: 'status_kept' as const, params: { status: order.status } }]),
  ];
  if (changes.status) ctx.afterCommit.push(await closeApprovalsOf(ctx, order.id));
  return {
    status: 'applied',
    note: note.length ? note : undefined,
    orderId: order.id,
    audit: audit(order, { status: order.status }, { ...changes }),
  };
}

function stepOf(event: Exclude<ProgressEvent, { type: 'order.closed' }>): [Step, string, Partial<OrderRow>] {
  switch (event.type) {
    case 'order.paid':
      return ['paid', event.data.paidAt, {}];
    case 'order.shipped':
      return ['shipped', event.data.shippedAt, { carrier: event.data.carrier, tracking_no: event.data.trackingNo }];
    case 'tracking.updated':
      return ['signed', event.data.occurredAt, {}];
    case 'order.completed':
      return ['completed', event.data.completedAt, {}];
  }
}

async function close(ctx: ApplyContext, order: OrderRow, reason: string, at: string): Promise<ApplyOutcome> {
  const { trx, now } = ctx;
  if (order.status === 'closed') return { status: 'ignored', note: [{ code: 'already_closed' }] };
  // A paid order closes through a refund (after-sales), never by a bare close event.
  if (order.status !== 'pending_payment')
    return { status: 'ignored', note: [{ code: 'paid_needs_refund', params: { orderNo: order.order_no } }] };
  await updateOrder(trx, order.id, { ...transition(order, 'closed', at), close_reason: reason, updated_at: now });
  ctx.afterCommit.push(await closeApprovalsOf(ctx, order.id));
  return { status: 'applied', orderId: order.id, audit: audit(order, { status: order.status }, { status: 'closed', reason }) };
}

/** Requests the order's new state made moot (改价 once paid) are closed now and announced after the commit. */
async function closeApprovalsOf({ trx, shopId, now }: ApplyContext, orderId: string): Promise<AfterCommit> {
  const closed = await closeStaleApprovals(trx, { shopId, orderId, at: now });
  return (app) => publishApprovals(app, shopId, closed);
}

function audit(order: OrderRow, before: Record<string, unknown>, after: Record<string, unknown>) {
  return { targetType: 'order', targetId: order.id, before, after };
}
