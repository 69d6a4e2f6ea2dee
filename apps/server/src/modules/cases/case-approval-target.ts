import { statusWord } from '@golddesk/contracts';
import type { ApprovalTarget } from '../approvals/index.js';
import {
  cancelPendingApproval,
  findApproval,
  listPendingApprovalsFor,
  publishApprovals,
  presentApproval,
} from '../approvals/index.js';
import { applyCaseChange, caseActorOf } from './case-change.js';
import { findCase, findCompensationByApproval, updateCompensationIfIn } from './case.repository.js';
import { isFinalCaseState } from './case.state-machine.js';

/**
 * A case as the target of goodwill requests beyond an agent's authority. Approving does not pay: the compensation
 * becomes the requester's to apply (one click), so the agent who talks to the buyer gives it; rejecting closes it.
 */
export const caseApprovalTarget: ApprovalTarget = {
  async load({ actor, transaction }, caseId) {
    const row = await findCase(transaction.trx, actor.shopId, caseId);
    return row && { statusEn: statusWord('case', row.state, 'en') };
  },

  async applyApproved(ctx, approval) {
    await decideCompensation(ctx, approval.id, approval.target_id, 'approved');
    return undefined;
  },

  async noteRejected(ctx, approval) {
    await decideCompensation(ctx, approval.id, approval.target_id, 'rejected');
  },

  async closeStale(app, shopId, caseId) {
    const at = app.now().toISOString();
    const closed = await app.storage.db.transaction().execute(async (trx) => {
      const row = await findCase(trx, shopId, caseId);
      if (!row || !isFinalCaseState(row.state)) return [];
      const views = [];
      for (const pending of await listPendingApprovalsFor(trx, shopId, caseId)) {
        if (await cancelPendingApproval(trx, pending.id, '售后单已结束', at)) {
          views.push(presentApproval((await findApproval(trx, shopId, pending.id))!));
        }
      }
      return views;
    });
    publishApprovals(app, shopId, closed);
  },
};

/** The request's compensation follows the decision, with the approver and their note on the case's timeline. */
async function decideCompensation(
  ctx: Parameters<ApprovalTarget['applyApproved']>[0],
  approvalId: string,
  caseId: string,
  decision: 'approved' | 'rejected',
) {
  const { trx } = ctx.transaction;
  const row = await findCase(trx, ctx.actor.shopId, caseId);
  const compensation = row && (await findCompensationByApproval(trx, caseId, approvalId));
  if (!row || !compensation) return;
  // The decision was settled just before this runs, with the approver's note.
  const note = (await findApproval(trx, ctx.actor.shopId, approvalId))?.decision_note ?? null;
  await updateCompensationIfIn(trx, compensation.id, 'pending_approval', { status: decision, decision_note: note });
  await applyCaseChange(ctx, row, caseActorOf(ctx.actor), {
    entries: [
      {
        kind: decision === 'approved' ? 'compensation_approved' : 'compensation_rejected',
        note,
        data: { kind: compensation.kind, amountFen: Number(compensation.amount_fen), approvalId },
      },
    ],
  });
}
