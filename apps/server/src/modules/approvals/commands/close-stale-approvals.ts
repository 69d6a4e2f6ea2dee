import { statusWord, type ApprovalView } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import type { Queryable } from '../../../platform/db/database.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { actionAllowedIn, ORDER_ACTION_NAMES, type OrderActionName } from '../../orders/order.state-machine.js';
import { presentApproval } from '../approval.presenter.js';
import { findApproval } from '../approval.repository.js';

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
  const order = await trx
    .selectFrom('orders')
    .select(['id', 'status'])
    .where('shop_id', '=', props.shopId)
    .where('id', '=', props.orderId)
    .executeTakeFirst();
  if (!order) return [];
  const pending = await trx
    .selectFrom('approval_requests')
    .select(['id', 'kind'])
    .where('shop_id', '=', props.shopId)
    .where('target_id', '=', order.id)
    .where('status', '=', 'pending')
    .execute();
  const closed: ApprovalView[] = [];
  for (const approval of pending) {
    const action = KIND_ACTIONS[approval.kind];
    if (!action || actionAllowedIn(action, order.status)) continue;
    // Stored in Chinese like the request's summary: 订单已付款，改价申请已自动关闭.
    const reason = `订单${statusWord('order', order.status, 'zh-CN')}，${ORDER_ACTION_NAMES[action].zh}申请已自动关闭`;
    const result = await trx
      .updateTable('approval_requests')
      .set({ status: 'cancelled', decision_note: reason, decided_at: props.at })
      .where('id', '=', approval.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) continue;
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

/** Agents' 审批 lists (and the requester) learn of closed requests, on any process. */
export function publishApprovals(app: AppContext, shopId: string, approvals: readonly ApprovalView[]) {
  for (const approval of approvals) app.bus.publish({ type: 'approval.updated', shopId, approval });
}
