import type { InboundEvent } from '@golddesk/contracts';
import { openCaseFromStore } from '../../cases/index.js';
import { findOrderByNo } from '../../orders/index.js';
import type { ApplyContext, ApplyOutcome } from './applier.js';

type RequestedEvent = Extract<InboundEvent, { type: 'aftersale.requested' }>;

/**
 * A buyer asked the marketplace for after-sales: the case opens in GoldDesk, unassigned (the team's list), judged by the
 * shop's policy. An order not synced yet waits for it; a refund on a freeze day is refused like the buyer's own request.
 */
export async function applyAftersaleRequested(ctx: ApplyContext, event: RequestedEvent): Promise<ApplyOutcome> {
  const { orderNo, caseType, reason, refundFen, itemIndexes } = event.data;
  const order = await findOrderByNo(ctx.trx, ctx.shopId, orderNo);
  if (!order) return { status: 'parked', note: [{ code: 'order_not_synced', params: { orderNo } }] };
  const opened = await openCaseFromStore(
    { app: ctx.app, transaction: { trx: ctx.trx, afterCommit: (effect) => ctx.afterCommit.push(() => void effect()) } },
    { shopId: ctx.shopId, orderId: order.id, props: { type: caseType, reason, refundFen, itemIndexes } },
  );
  return {
    status: 'applied',
    orderId: order.id,
    audit: { targetType: 'case', targetId: opened.row.id, before: null, after: { caseNo: opened.row.case_no, type: caseType } },
  };
}
