import { can, formatFen, serverText, type CompensationKind } from '@golddesk/contracts';
import type { CommandContext, TransactionalContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Principal } from '../../../platform/security/tokens.js';
import { findApproval, insertApproval, presentApproval } from '../../approvals/index.js';
import { createTask } from '../../tasks/index.js';
import { applyCaseChange, caseActorOf } from '../case-change.js';
import { runCaseCommand, type CaseOutcome } from '../case-command.js';
import { refusedMove } from '../case-errors.js';
import { assertNoRefundFreeze, compensationLimitFen, readAftersalePolicy } from '../case.policy.js';
import {
  findCompensationByApproval,
  insertCompensation,
  sumOwnAuthorityCompensations,
  updateCompensationIfIn,
  type CaseRecord,
} from '../case.repository.js';
import { isFinalCaseState } from '../case.state-machine.js';

export interface CompensateCaseProps {
  caseId: string;
  requestId: string;
  kind: CompensationKind;
  amountFen: number;
  /** Why; goes with the request to the manager. */
  note?: string;
  /** Applies the compensation a manager approved under this request. */
  approvalId?: string;
}

/** Money leaves the shop's account for these: finance pays them out (the shop's system hears of it by webhook). */
const PAID_OUT: readonly CompensationKind[] = ['cash', 'partial_refund'];

/**
 * Goodwill on a case (优惠券, 小额打款, 退货运费, 部分退款). Within the role's authority (the shop's per-role limit, counted
 * over what was already given on the case) it applies in one step: the buyer reads it in the chat. Beyond it, it
 * becomes an approval request to the owner or a manager, like 改价; once approved the agent applies it (approvalId).
 */
export function compensateCase(ctx: CommandContext<AgentPrincipal>, props: CompensateCaseProps): Promise<CaseOutcome> {
  const { actor } = ctx;
  if (!can(actor, 'cases.compensate')) throw new AppError('forbidden');
  const { caseId, ...request } = props;
  return runCaseCommand(ctx, {
    action: 'compensate',
    caseId,
    props: request,
    work: async (inner, record) => {
      if (isFinalCaseState(record.row.state)) throw refusedMove(record.row, record.row.state as never);
      const { trx } = inner.transaction;
      const now = inner.app.now();
      const policy = await readAftersalePolicy(trx, actor.shopId);
      if (props.kind === 'partial_refund') assertNoRefundFreeze(policy, 'partial_refund', now);
      if (props.approvalId) {
        await applyApproved(inner, record, props);
        return { result: 'applied', approvalId: props.approvalId };
      }
      const limitFen = compensationLimitFen(policy, actor);
      const given = await sumOwnAuthorityCompensations(trx, record.row.id);
      const compensationId = newId();
      const base = {
        id: compensationId,
        shop_id: actor.shopId,
        case_id: record.row.id,
        kind: props.kind,
        amount_fen: props.amountFen,
        requested_by: actor.agentId,
        requested_by_name: actor.name,
        decision_note: null,
        created_at: now.toISOString(),
      };
      if (given + props.amountFen <= limitFen) {
        await insertCompensation(trx, { ...base, status: 'applied', approval_id: null, applied_at: now.toISOString() });
        await giveToBuyer(inner, record, { kind: props.kind, amountFen: props.amountFen, note: props.note, compensationId });
        return { result: 'applied' };
      }
      const approvalId = newId();
      await insertApproval(trx, {
        id: approvalId,
        shop_id: actor.shopId,
        kind: 'case.compensate',
        status: 'pending',
        target_id: record.row.id,
        order_id: record.row.order_id,
        payload_json: JSON.stringify({ compensationId, kind: props.kind, amountFen: props.amountFen, limitFen, givenFen: given }),
        reason: props.note ?? null,
        requested_by: actor.agentId,
        requested_by_name: actor.name,
        decided_by: null,
        decided_by_name: null,
        decision_note: null,
        created_at: now.toISOString(),
        decided_at: null,
      });
      await insertCompensation(trx, { ...base, status: 'pending_approval', approval_id: approvalId, applied_at: null });
      await applyCaseChange(inner, record.row, caseActorOf(actor), {
        entries: [
          {
            kind: 'compensation_requested',
            note: props.note ?? null,
            data: { kind: props.kind, amountFen: props.amountFen, limitFen, approvalId },
          },
        ],
        audit: {
          action: 'case.compensation_requested',
          before: null,
          after: { kind: props.kind, amountFen: props.amountFen, limitFen, approvalId },
        },
      });
      const approval = presentApproval((await findApproval(trx, actor.shopId, approvalId))!);
      inner.transaction.afterCommit(() => inner.app.bus.publish({ type: 'approval.updated', shopId: actor.shopId, approval }));
      return { result: 'approval_requested', approvalId };
    },
  });
}

/** The one click after a manager's yes: the approved compensation (same kind and amount) is given to the buyer. */
async function applyApproved(ctx: TransactionalContext<AgentPrincipal>, record: CaseRecord, props: CompensateCaseProps) {
  const { trx } = ctx.transaction;
  const compensation = await findCompensationByApproval(trx, record.row.id, props.approvalId!);
  const matches = compensation && compensation.kind === props.kind && Number(compensation.amount_fen) === props.amountFen;
  if (!matches || compensation.status !== 'approved') throw new AppError('compensation_not_approved');
  const now = ctx.app.now().toISOString();
  if (!(await updateCompensationIfIn(trx, compensation.id, 'approved', { status: 'applied', applied_at: now }))) {
    throw new AppError('compensation_not_approved');
  }
  await giveToBuyer(ctx, record, {
    kind: props.kind,
    amountFen: props.amountFen,
    note: props.note,
    compensationId: compensation.id,
    approvalId: props.approvalId,
  });
}

/** The compensation reaches the buyer: timeline, audit, the chat line, and a payout task when money leaves. */
async function giveToBuyer(
  ctx: TransactionalContext<Principal>,
  record: CaseRecord,
  given: { kind: CompensationKind; amountFen: number; note?: string; compensationId: string; approvalId?: string },
) {
  const { row } = record;
  const amount = formatFen(given.amountFen);
  if (PAID_OUT.includes(given.kind)) {
    await createTask(ctx, {
      shopId: row.shop_id,
      kind: 'finance_compensation',
      title: serverText('task.payout', { compensation: given.kind, amount, orderNo: row.order_no, caseNo: row.case_no }).coded,
      dueAt: new Date(ctx.app.now().getTime() + 24 * 3600_000),
      caseId: row.id,
      orderId: row.order_id,
      buyerId: row.buyer_id,
      sourceKey: `compensation:${given.compensationId}`,
    });
  }
  const after = { kind: given.kind, amountFen: given.amountFen, approvalId: given.approvalId ?? null };
  await applyCaseChange(ctx, row, caseActorOf(ctx.actor), {
    entries: [{ kind: 'compensation_applied', note: given.note ?? null, data: after }],
    tell: [serverText('case.compensated', { compensation: given.kind, amount })],
    audit: { action: 'case.compensation_applied', before: null, after },
  });
}
