import { formatFen } from '@golddesk/contracts';
import type { CaseWrite } from '../case-change.js';
import { moveCase } from '../case-moves.js';
import { findCaseRecordByNo } from '../case.repository.js';

export type RefundReport =
  { result: 'completed'; caseId: string } | { result: 'not_found' } | { result: 'not_awaiting'; state: string };

/**
 * The shop's system reports a case's refund done (inbound `aftersale.refunded`), in the caller's transaction: a case
 * in 待退款 completes (its finance task is done, the buyer reads 已退款); anything else is left as it is and said.
 */
export async function recordRefundReported(
  ctx: CaseWrite,
  props: { shopId: string; caseNo: string; refundFen?: number },
): Promise<RefundReport> {
  const record = await findCaseRecordByNo(ctx.transaction.trx, props.shopId, props.caseNo);
  if (!record) return { result: 'not_found' };
  if (record.row.state !== 'awaiting_refund') return { result: 'not_awaiting', state: record.row.state };
  const amount = props.refundFen ?? Number(record.row.refund_fen ?? 0);
  const reported = props.refundFen !== undefined ? { ...record, row: { ...record.row, refund_fen: props.refundFen } } : record;
  await moveCase(
    ctx,
    reported,
    'completed',
    { note: `店铺系统已退款 ${formatFen(amount)}`, data: { refundFen: amount } },
    { kind: 'integration', id: null, name: '店铺系统' },
  );
  return { result: 'completed', caseId: record.row.id };
}
