import { statusWord } from '@golddesk/contracts';
import type { ApprovalTarget } from '../approvals/index.js';
import { publishApprovals } from '../approvals/index.js';
import { applyApprovedPriceChange } from './commands/change-price.js';
import { closeStaleApprovals } from './commands/close-stale-approvals.js';
import { announceOrder, recordOrderUpdated } from './order-action.js';
import { presentOrder } from './order.presenter.js';
import { findOrderWithItems } from './order.repository.js';

/** An order as the target of requests (改价 beyond one's authority): what deciding one does to it. */
export const orderApprovalTarget: ApprovalTarget = {
  async load({ actor, transaction }, orderId) {
    const order = await findOrderWithItems(transaction.trx, actor.shopId, orderId);
    return order && { order: presentOrder(order), statusEn: statusWord('order', order.order.status, 'en') };
  },

  async applyApproved(ctx, approval) {
    const payload = JSON.parse(approval.payload_json) as { newTotalFen: number };
    const applied = await applyApprovedPriceChange(ctx, {
      approvalId: approval.id,
      orderId: approval.target_id,
      newTotalFen: payload.newTotalFen,
      reason: approval.reason,
      requestedByName: approval.requested_by_name,
    });
    return applied.result === 'applied' ? applied.order : undefined;
  },

  async noteRejected({ app, actor, transaction }, _approval, { order: view }, at) {
    // The order pane shows the request; it learns the request is gone.
    if (!view) return;
    await recordOrderUpdated(transaction.trx, actor.shopId, view, at);
    transaction.afterCommit(() => announceOrder(app, actor.shopId, view));
  },

  async closeStale(app, shopId, orderId) {
    const at = app.now().toISOString();
    const closed = await app.storage.db.transaction().execute((trx) => closeStaleApprovals(trx, { shopId, orderId, at }));
    publishApprovals(app, shopId, closed);
  },
};
