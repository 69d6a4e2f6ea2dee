import { can, type ApprovalView, type OrderView } from '@golddesk/contracts';
import { inTransaction, type CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/index.js';
import { approvalTargetOf, targetTypeOf } from '../approval-targets.js';
import { presentApproval } from '../approval.presenter.js';
import { findApproval, settlePendingApproval } from '../approval.repository.js';

export interface DecideApprovalProps {
  approvalId: string;
  decision: 'approved' | 'rejected';
  /** Shown to the requester. */
  note?: string;
}

/**
 * The owner or a manager other than the requester approves or rejects a request. Approving carries it out as the
 * approver (改价 runs the order action; goodwill on a case becomes the requester's to apply) in the same transaction as
 * the decision: both commit or neither, and the chat line and events go out once after the commit. Deciding the same
 * way twice returns the first decision.
 */
export async function decideApproval(
  ctx: CommandContext<AgentPrincipal>,
  props: DecideApprovalProps,
): Promise<{ approval: ApprovalView; order?: OrderView }> {
  const { app, actor } = ctx;
  if (!can(actor, 'approvals.decide')) throw new AppError('forbidden');
  let approving: { kind: string; targetId: string } | undefined;
  try {
    return await inTransaction(ctx, async (inner) => {
      const { trx, afterCommit } = inner.transaction;
      const approval = await findApproval(trx, actor.shopId, props.approvalId);
      if (!approval) throw new AppError('not_found', { thing: 'approval' });
      // Four eyes: a request beyond one's own authority is never settled by oneself.
      if (approval.requested_by === actor.agentId) throw new AppError('approval_own_request');
      if (approval.status === props.decision) return { approval: presentApproval(approval), order: undefined };
      const target = approvalTargetOf(app, approval.kind);
      const current = await target.load(inner, approval.target_id);
      if (!current) throw new AppError('not_found', { thing: targetTypeOf(approval.kind) });
      if (approval.status === 'cancelled') {
        throw new AppError('approval_closed', { note: approval.decision_note ?? '', statusEn: current.statusEn });
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
      let orderView = current.order;
      if (props.decision === 'approved') {
        approving = { kind: approval.kind, targetId: approval.target_id };
        orderView = (await target.applyApproved(inner, approval)) ?? orderView;
      } else {
        await target.noteRejected(inner, approval, current, now);
      }
      await recordAudit(trx, {
        shopId: actor.shopId,
        actor: { kind: 'agent', id: actor.agentId, name: actor.name },
        action: `approval.${props.decision}`,
        targetType: targetTypeOf(approval.kind),
        targetId: approval.target_id,
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
    if (stale && approving && !ctx.transaction) {
      await approvalTargetOf(app, approving.kind).closeStale(app, actor.shopId, approving.targetId);
    }
    throw error;
  }
}
