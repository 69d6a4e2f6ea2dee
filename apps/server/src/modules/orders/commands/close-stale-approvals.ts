import { statusWord, type ApprovalView } from '@golddesk/contracts';
import type { Queryable } from '../../../platform/db/database.js';
import { recordAudit } from '../../audit/index.js';
import { cancelPendingApproval, findApproval, listPendingApprovalsFor, presentApproval } from '../../approvals/index.js';
import { findOrderStatus } from '../order.repository.js';
import { actionAllowedIn, ORDER_ACTION_NAMES, type OrderActionName } from '../order.state-machine.js';

/** The order action each kind of request asks for. */
const KIND_ACTIONS: Record<string, OrderActionName> = { 'order.change_price': 'change_price' };

export interface CloseStaleApprovalsProps {
  shopId: string;
  /** The order whose state just changed (paid, closed …), read again here. */
  orderId: string;
  /** The time of the change (ISO). */
  at: string;
}

/**
 * Closes the order's pending requests that its current state no longer allows (改价 once the buyer paid), with the
 * reason as the decision note, in the caller's transaction. Called by every path that changes an order's state
 * (order actions, store events, imports); returns the closed requests to publish after the commit.
 */
export async function closeStaleApprovals(trx: Queryable, props: CloseStaleApprovalsProps): Promise<ApprovalView[]> {
  const order = await findOrderStatus(trx, props.shopId, props.orderId);
  if (!order) return [];
  const pending = await listPendingApprovalsFor(trx, props.shopId, order.id);
  const closed: ApprovalView[] = [];
  for (const approval of pending) {
    const action = KIND_ACTIONS[approval.kind];
    if (!action || actionAllowedIn(action, order.status)) continue;
    // Stored in Chinese like the request's summary: 订单已付款，改价申请已自动关闭.
    const reason = `订单${statusWord('order', order.status, 'zh-CN')}，${ORDER_ACTION_NAMES[action].zh}申请已自动关闭`;
    if (!(await cancelPendingApproval(trx, approval.id, reason, props.at))) continue;
    await recordAudit(trx, {
      shopId: props.shopId,
      actor: { kind: 'system', id: null, name: '系统' },
      action: 'approval.cancelled',
      targetType: 'order',
      targetId: order.id,
      before: { approvalId: approval.id, status: 'pending' },
      after: { approvalId: approval.id, status: 'cancelled', note: reason },
      at: props.at,
    });
    closed.push(presentApproval((await findApproval(trx, props.shopId, approval.id))!));
  }
  return closed;
}
