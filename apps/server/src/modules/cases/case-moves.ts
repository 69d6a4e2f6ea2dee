import { formatFen, serverText, type CaseState, type CaseType, type ServerTextLine } from '@golddesk/contracts';
import { chinaMidnightOf, chinaTimeOf } from '@golddesk/contracts';
import { cancelPendingApproval, listPendingApprovalsFor, presentApproval, findApproval } from '../approvals/index.js';
import { closeOpenTask, createTask, findTask, listOpenTasksOfCase, publishTask } from '../tasks/index.js';
import { applyCaseChange, type CaseActor, type CaseChange, type CaseWrite } from './case-change.js';
import { detailRequired, refusedMove } from './case-errors.js';
import { readAftersalePolicy } from './case.policy.js';
import type { CaseRecord } from './case.repository.js';
import { caseMoveAllowed, isFinalCaseState } from './case.state-machine.js';
import { findOrderTotal, updateCompensationIfIn } from './case.repository.js';

/** What a move may carry: the refund agreed, the replacement's parcel, a note the buyer reads on refusal. */
export interface MoveDetails {
  note?: string;
  refundFen?: number;
  carrier?: string;
  trackingNo?: string;
  /** Timeline data beside the move (the task or event that caused it). */
  data?: Record<string, unknown>;
}

const HOUR_MS = 3600_000;

/**
 * Moves a case to `to` if its type's machine allows it (409 otherwise, nothing changed), with what the move means:
 * the buyer's chat line (同意退货, 已收到退货, 已退款, 换货已发出 …), colleagues' tasks (仓库, 财务, 质检), and on
 * closing, the end of its open tasks and requests. All in the caller's transaction.
 */
export async function moveCase(
  ctx: CaseWrite,
  record: CaseRecord,
  to: CaseState,
  details: MoveDetails,
  actor: CaseActor,
): Promise<CaseRecord> {
  const { row } = record;
  const type = row.type as CaseType;
  if (!caseMoveAllowed(type, row.state as CaseState, to)) throw refusedMove(row, to);
  const { app, transaction } = ctx;
  const now = app.now();
  const caseNo = row.case_no;
  const change: CaseChange = {
    to,
    set: {},
    entries: [{ kind: 'transitioned', note: details.note ?? null, data: details.data }],
    tell: [],
    audit: { action: 'case.transitioned', before: { state: row.state }, after: { state: to, note: details.note ?? null } },
  };
  const tell = (line: ServerTextLine) => change.tell!.push(line);
  if (row.state === 'awaiting_receipt') tell(serverText('case.return_received', { caseNo }));

  switch (to) {
    case 'awaiting_return': {
      const address = row.return_address || (await readAftersalePolicy(transaction.trx, row.shop_id)).returnAddress;
      if (!address)
        throw detailRequired('请先在「售后政策」中填写退货地址', 'Set the return address in the after-sales policy first');
      change.set!.return_address = address;
      tell(serverText('case.return_agreed', { caseNo, address, payer: row.return_shipping_paid_by ?? '' }));
      break;
    }
    case 'awaiting_refund': {
      const amount = details.refundFen ?? (row.refund_fen === null ? undefined : Number(row.refund_fen));
      const refundFen = amount ?? (await findOrderTotal(transaction.trx, row.order_id));
      change.set!.refund_fen = refundFen;
      tell(serverText('case.refund_started', { caseNo, amount: formatFen(refundFen) }));
      await createTask(ctx, {
        shopId: row.shop_id,
        kind: 'finance_refund',
        title: serverText('task.refund', { amount: formatFen(refundFen), orderNo: row.order_no, caseNo }).coded,
        dueAt: new Date(now.getTime() + 24 * HOUR_MS),
        caseId: row.id,
        orderId: row.order_id,
        buyerId: row.buyer_id,
        sourceKey: `case:${row.id}:finance_refund`,
      });
      break;
    }
    case 'awaiting_reship':
      await createTask(ctx, {
        shopId: row.shop_id,
        kind: 'warehouse_ship',
        title: serverText('task.reship', { shipKind: type, orderNo: row.order_no, caseNo, note: details.note ?? '' }).coded,
        dueAt: new Date(now.getTime() + 24 * HOUR_MS),
        caseId: row.id,
        orderId: row.order_id,
        buyerId: row.buyer_id,
        sourceKey: `case:${row.id}:warehouse_ship`,
      });
      break;
    case 'reshipped': {
      if (!details.carrier || !details.trackingNo) {
        throw detailRequired('请填写发出包裹的快递公司和运单号', 'Enter the carrier and tracking number of the parcel');
      }
      change.set!.reship_carrier = details.carrier;
      change.set!.reship_tracking_no = details.trackingNo;
      tell(serverText('case.reshipped', { caseNo, carrier: details.carrier, trackingNo: details.trackingNo }));
      break;
    }
    case 'inspecting':
      if (type === 'quality') {
        await createTask(ctx, {
          shopId: row.shop_id,
          kind: 'qc_inspect',
          title: serverText('task.qc', { orderNo: row.order_no, caseNo, reason: row.reason?.slice(0, 40) ?? '' }).coded,
          dueAt: new Date(now.getTime() + 24 * HOUR_MS),
          caseId: row.id,
          orderId: row.order_id,
          buyerId: row.buyer_id,
          sourceKey: `case:${row.id}:qc_inspect`,
        });
      }
      break;
    case 'rejected':
      if (!details.note?.trim())
        throw detailRequired('拒绝售后请写明原因（买家会看到）', 'Say why the case is declined (the buyer reads it)');
      tell(serverText('case.rejected', { caseNo, note: details.note.trim() }));
      break;
    case 'completed':
      tell(
        row.state === 'awaiting_refund'
          ? serverText('case.refunded', { caseNo, amount: formatFen(Number(row.refund_fen ?? 0)) })
          : serverText('case.completed', { caseNo }),
      );
      break;
    default:
      break;
  }
  if (isFinalCaseState(to)) await endOpenWork(ctx, record, to, actor);
  return applyCaseChange(ctx, row, actor, change);
}

/** A case that ends takes its open tasks and pending goodwill requests with it. */
async function endOpenWork(ctx: CaseWrite, record: CaseRecord, to: CaseState, actor: CaseActor) {
  const { app, transaction } = ctx;
  const { trx, afterCommit } = transaction;
  const now = app.now().toISOString();
  for (const task of await listOpenTasksOfCase(trx, record.row.id)) {
    // A refund task ends with the refund itself (the case completes from 待退款): it is done, not dropped.
    const refunded = to === 'completed' && task.kind === 'finance_refund';
    const closed = await closeOpenTask(trx, task.id, {
      status: refunded ? 'done' : 'cancelled',
      result_json: JSON.stringify({ note: refunded ? '已退款' : '售后单已结束' }),
      done_at: now,
      done_by_name: actor.name,
    });
    if (closed) {
      const ended = (await findTask(trx, task.shop_id, task.id))!;
      afterCommit(() => publishTask(app, ended));
    }
  }
  for (const pending of await listPendingApprovalsFor(trx, record.row.shop_id, record.row.id)) {
    if (!(await cancelPendingApproval(trx, pending.id, '售后单已结束', now))) continue;
    const compensation = record.compensations.find((c) => c.approval_id === pending.id);
    if (compensation)
      await updateCompensationIfIn(trx, compensation.id, 'pending_approval', {
        status: 'rejected',
        decision_note: '售后单已结束',
      });
    const closed = presentApproval((await findApproval(trx, record.row.shop_id, pending.id))!);
    afterCommit(() => app.bus.publish({ type: 'approval.updated', shopId: record.row.shop_id, approval: closed }));
  }
}

/** 10:00 China time on the day after `at`: when the manager's follow-up call is due. */
export function nextMorning(at: Date): Date {
  return new Date(chinaMidnightOf(chinaTimeOf(at).date) + 24 * HOUR_MS + 10 * HOUR_MS);
}
