import { statusWord, type ApprovalView, type OrderView } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { priceChangePlan } from '../../orders/commands/change-price.js';
import { announceOrder, applyOrderPlan, assertActionAllowed, publishApplied, type AppliedPlan } from '../../orders/order-action.js';
import { mayDecideApprovals } from '../../orders/order.policy.js';
import { presentOrder } from '../../orders/order.presenter.js';
import { findOrderWithItems } from '../../orders/order.repository.js';
import { actionAllowedIn } from '../../orders/order.state-machine.js';
import { presentApproval } from '../approval.presenter.js';
import { findApproval, updateApproval } from '../approval.repository.js';
import { closeStaleApprovals, publishApprovals } from './close-stale-approvals.js';

export interface DecideApprovalProps {
  approvalId: string;
  decision: 'approved' | 'rejected';
  /** Shown to the requester. */
  note?: string;
}

/**
 * The owner or a manager other than the requester approves (the change is applied through the same steps as the
 * order action, audited and announced as the approver's) or rejects a request. Deciding the same way twice returns
 * the first decision.
 */
export async function decideApproval(ctx: CommandContext<AgentPrincipal>, props: DecideApprovalProps): Promise<{ approval: ApprovalView; order?: OrderView }> {
  const { app, actor } = ctx;
  if (!mayDecideApprovals(actor.role)) throw new AppError('forbidden');
  let applied: AppliedPlan | undefined;
  let staleOrderId: string | undefined;
  const result = await app.storage.db.transaction().execute(async (trx) => {
    const approval = await findApproval(trx, actor.shopId, props.approvalId);
    if (!approval) throw new AppError('not_found', { thing: 'approval' });
    // Four eyes: a request beyond one's own authority is never settled by oneself.
    if (approval.requested_by === actor.agentId) throw new AppError('approval_own_request');
    if (approval.status === props.decision) return { approval: presentApproval(approval), order: undefined, changed: false };
    const order = await findOrderWithItems(trx, actor.shopId, approval.target_id);
    if (!order) throw new AppError('not_found', { thing: 'order' });
    if (approval.status === 'cancelled') {
      throw new AppError('approval_closed', { note: approval.decision_note ?? '', statusEn: statusWord('order', order.order.status, 'en') });
    }
    if (approval.status !== 'pending') throw new AppError('approval_decided');
    const now = app.now().toISOString();
    if (props.decision === 'approved') {
      if (!actionAllowedIn('change_price', order.order.status)) staleOrderId = order.order.id;
      assertActionAllowed(order, 'change_price');
      const payload = JSON.parse(approval.payload_json) as { newTotalFen: number };
      const plan = priceChangePlan(order.order, payload.newTotalFen, now, approval.reason);
      const audit = { ...plan.audit, after: { ...plan.audit.after, approvalId: approval.id, requestedBy: approval.requested_by_name } };
      applied = await applyOrderPlan(trx, actor, order, { ...plan, audit }, now);
    }
    await updateApproval(trx, approval.id, {
      status: props.decision, decided_by: actor.agentId, decided_by_name: actor.name, decision_note: props.note ?? null, decided_at: now,
    });
    await recordAudit(trx, {
      shopId: actor.shopId, actor: { kind: 'agent', id: actor.agentId, name: actor.name },
      action: `approval.${props.decision === 'approved' ? 'approve' : 'reject'}`,
      targetType: 'order', targetId: order.order.id, before: { approvalId: approval.id, status: 'pending' },
      after: { approvalId: approval.id, status: props.decision, note: props.note ?? null }, at: now,
    });
    const decided = (await findApproval(trx, actor.shopId, approval.id))!;
    const orderView = applied?.view ?? presentOrder(order);
    return { approval: presentApproval(decided), order: orderView, changed: true };
  }).catch(async (error: unknown) => {
    // The order moved on without closing the request (data from before requests were closed): close it now, then refuse.
    if (staleOrderId) await closeStale(ctx, staleOrderId);
    throw error;
  });
  if (result.changed) {
    app.bus.publish({ type: 'approval.updated', shopId: actor.shopId, approval: result.approval });
    if (applied) publishApplied(app, actor.shopId, applied);
    else if (result.order) announceOrder(app, actor.shopId, result.order);
  }
  return { approval: result.approval, order: result.order };
}

async function closeStale({ app, actor }: CommandContext<AgentPrincipal>, orderId: string) {
  const at = app.now().toISOString();
  const closed = await app.storage.db.transaction().execute((trx) => closeStaleApprovals(trx, { shopId: actor.shopId, orderId, at }));
  publishApprovals(app, actor.shopId, closed);
}
