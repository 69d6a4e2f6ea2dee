import { statusWord, type ApprovalView, type OrderView } from '@golddesk/contracts';
import { inTransaction, type CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { applyApprovedPriceChange } from '../../orders/commands/change-price.js';
import { announceOrder, recordOrderUpdated } from '../../orders/order-action.js';
import { mayDecideApprovals } from '../../orders/order.policy.js';
import { presentOrder } from '../../orders/order.presenter.js';
import { findOrderWithItems } from '../../orders/order.repository.js';
import { presentApproval } from '../approval.presenter.js';
import { findApproval, settlePendingApproval } from '../approval.repository.js';
import { closeStaleApprovals, publishApprovals } from './close-stale-approvals.js';

export interface DecideApprovalProps {
  approvalId: string;
  decision: 'approved' | 'rejected';
  /** Shown to the requester. */
  note?: string;
}

/**
 * The owner or a manager other than the requester approves or rejects a request. Approving runs the 改价 order action
 * itself, as the approver, in the same transaction as the decision: both commit or neither, and the chat line and
 * events go out once after the commit. Deciding the same way twice returns the first decision.
 */
export async function decideApproval(
  ctx: CommandContext<AgentPrincipal>,
  props: DecideApprovalProps,
): Promise<{ approval: ApprovalView; order?: OrderView }> {
  const { app, actor } = ctx;
  if (!mayDecideApprovals(actor.role)) throw new AppError('forbidden');
  let approvingOrderId: string | undefined;
  try {
    return await inTransaction(ctx, async (inner) => {
      const { trx, afterCommit } = inner.transaction;
      const approval = await findApproval(trx, actor.shopId, props.approvalId);
      if (!approval) throw new AppError('not_found', { thing: 'approval' });
      // Four eyes: a request beyond one's own authority is never settled by oneself.
      if (approval.requested_by === actor.agentId) throw new AppError('approval_own_request');
      if (approval.status === props.decision) return { approval: presentApproval(approval), order: undefined };
      const order = await findOrderWithItems(trx, actor.shopId, approval.target_id);
      if (!order) throw new AppError('not_found', { thing: 'order' });
      if (approval.status === 'cancelled') {
        throw new AppError('approval_closed', {
          note: approval.decision_note ?? '',
          statusEn: statusWord('order', order.order.status, 'en'),
        });
      }
      if (approval.status !== 'pending') throw new AppError('approval_decided');
      const now = app.now().toISOString();
      // Settled before the change, so a second decision racing this one waits here and then finds it decided.
      const settled = await settlePendingApproval(trx, approval.id, {
        status: props.decision,
        decided_by: actor.agentId,
        decided_by_name: actor.name,
        decision_note: props.note ?? null,
        decided_at: now,
      });
      if (!settled) throw new AppError('approval_decided');
      let orderView = presentOrder(order);
      if (props.decision === 'approved') {
        approvingOrderId = order.order.id;
        const payload = JSON.parse(approval.payload_json) as { newTotalFen: number };
        const applied = await applyApprovedPriceChange(inner, {
          approvalId: approval.id,
          orderId: order.order.id,
          newTotalFen: payload.newTotalFen,
          reason: approval.reason,
          requestedByName: approval.requested_by_name,
        });
        if (applied.result === 'applied') orderView = applied.order;
      } else {
        // The order pane shows the request; it learns the request is gone.
        await recordOrderUpdated(trx, actor.shopId, orderView, now);
        afterCommit(() => announceOrder(app, actor.shopId, orderView));
      }
      await recordAudit(trx, {
        shopId: actor.shopId,
        actor: { kind: 'agent', id: actor.agentId, name: actor.name },
        action: `approval.${props.decision === 'approved' ? 'approve' : 'reject'}`,
        targetType: 'order',
        targetId: order.order.id,
        before: { approvalId: approval.id, status: 'pending' },
        after: { approvalId: approval.id, status: props.decision, note: props.note ?? null },
        at: now,
      });
      const decided = presentApproval((await findApproval(trx, actor.shopId, approval.id))!);
      afterCommit(() => app.bus.publish({ type: 'approval.updated', shopId: actor.shopId, approval: decided }));
      return { approval: decided, order: orderView };
    });
  } catch (error) {
    // The order moved on without closing the request (data from before requests were closed): close it now, then
    // refuse. Only as the outermost transaction: a caller's transaction is rolling back, and the caller decides.
    const stale = error instanceof AppError && error.code === 'order_state_forbids';
    if (stale && approvingOrderId && !ctx.transaction) await closeStale(ctx, approvingOrderId);
    throw error;
  }
}

async function closeStale({ app, actor }: CommandContext<AgentPrincipal>, orderId: string) {
  const at = app.now().toISOString();
  const closed = await app.storage.db
    .transaction()
    .execute((trx) => closeStaleApprovals(trx, { shopId: actor.shopId, orderId, at }));
  publishApprovals(app, actor.shopId, closed);
}
