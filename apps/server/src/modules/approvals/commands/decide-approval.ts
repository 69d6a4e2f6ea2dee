import type { ApprovalView, OrderView } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { publishStoredMessages } from '../../messages/message.events.js';
import { writeSystemMessage } from '../../messages/commands/write-system-message.js';
import type { StoredMessage } from '../../messages/message.repository.js';
import { priceChangePlan } from '../../orders/commands/change-price.js';
import { announceOrder } from '../../orders/order-action.js';
import { mayDecideApprovals } from '../../orders/order.policy.js';
import { presentOrder, presentOrderCard } from '../../orders/order.presenter.js';
import { findOrderWithItems } from '../../orders/order.repository.js';
import { actionAllowedIn } from '../../orders/order.state-machine.js';
import { presentApproval } from '../approval.presenter.js';
import { findApproval, updateApproval } from '../approval.repository.js';

export interface DecideApprovalProps {
  approvalId: string;
  decision: 'approved' | 'rejected';
  /** Shown to the requester. */
  note?: string;
}

/**
 * A manager approves (the change is applied, audited and announced as if the manager made it) or
 * rejects a request. Deciding the same way twice returns the first decision.
 */
export async function decideApproval(ctx: CommandContext<AgentPrincipal>, props: DecideApprovalProps): Promise<{ approval: ApprovalView; order?: OrderView }> {
  const { app, actor } = ctx;
  if (!mayDecideApprovals(actor.role)) throw new AppError('forbidden');
  let announced: StoredMessage | undefined;
  const result = await app.storage.db.transaction().execute(async (trx) => {
    const approval = await findApproval(trx, actor.shopId, props.approvalId);
    if (!approval) throw new AppError('not_found', { thing: 'approval' });
    if (approval.status === props.decision) return { approval: presentApproval(approval), order: undefined, changed: false };
    if (approval.status !== 'pending') throw new AppError('approval_decided');
    const now = app.now().toISOString();
    const order = await findOrderWithItems(trx, actor.shopId, approval.target_id);
    if (!order) throw new AppError('not_found', { thing: 'order' });
    const auditActor = { kind: 'agent' as const, id: actor.agentId, name: actor.name };
    if (props.decision === 'approved') {
      if (!actionAllowedIn('change_price', order.order.status)) throw new AppError('order_state_forbids', {
        orderNo: order.order.order_no, status: order.order.status, statusEn: order.order.status, action: '改价', actionEn: 'change the price',
      });
      const payload = JSON.parse(approval.payload_json) as { newTotalFen: number };
      const plan = priceChangePlan(order.order, payload.newTotalFen, now, approval.reason);
      await plan.apply(trx);
      await recordAudit(trx, {
        shopId: actor.shopId, actor: auditActor, action: plan.audit.action, targetType: 'order', targetId: order.order.id,
        before: plan.audit.before, after: { ...plan.audit.after, approvalId: approval.id, requestedBy: approval.requested_by_name }, at: now,
      });
      const updated = (await findOrderWithItems(trx, actor.shopId, order.order.id))!;
      announced = await writeSystemMessage(trx, {
        shopId: actor.shopId, buyerId: updated.order.buyer_id, body: plan.announcement,
        payload: { order: presentOrderCard(updated) }, at: now,
      });
    }
    await updateApproval(trx, approval.id, {
      status: props.decision, decided_by: actor.agentId, decided_by_name: actor.name, decision_note: props.note ?? null, decided_at: now,
    });
    await recordAudit(trx, {
      shopId: actor.shopId, actor: auditActor, action: `approval.${props.decision === 'approved' ? 'approve' : 'reject'}`,
      targetType: 'order', targetId: order.order.id, before: { approvalId: approval.id, status: 'pending' },
      after: { approvalId: approval.id, status: props.decision, note: props.note ?? null }, at: now,
    });
    const decided = (await findApproval(trx, actor.shopId, approval.id))!;
    const orderView = presentOrder((await findOrderWithItems(trx, actor.shopId, order.order.id))!);
    return { approval: presentApproval(decided), order: orderView, changed: true };
  });
  if (announced) publishStoredMessages(app, [announced], ['system']);
  if (result.changed) {
    app.bus.publish({ type: 'approval.updated', shopId: actor.shopId, approval: result.approval });
    if (result.order) announceOrder(app, actor.shopId, result.order);
  }
  return { approval: result.approval, order: result.order };
}
