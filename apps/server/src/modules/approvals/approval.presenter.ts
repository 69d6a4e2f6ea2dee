import { formatFen, serverText, type ApprovalView, type ServerText } from '@golddesk/contracts';
import type { ApprovalWithNumbers } from './approval.repository.js';

export function presentApproval(row: ApprovalWithNumbers): ApprovalView {
  const payload = JSON.parse(row.payload_json) as Record<string, unknown>;
  return {
    id: row.id,
    kind: row.kind as ApprovalView['kind'],
    status: row.status as ApprovalView['status'],
    orderId: row.order_id ?? row.target_id,
    orderNo: row.order_no,
    caseId: row.case_no ? row.target_id : null,
    caseNo: row.case_no,
    ...summarise(row.kind, payload),
    payload,
    reason: row.reason,
    requestedBy: { id: row.requested_by, name: row.requested_by_name },
    decidedBy: row.decided_by ? { id: row.decided_by, name: row.decided_by_name ?? '' } : null,
    decisionNote: row.decision_note,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
  };
}

/** What is asked, in Chinese, with its code for agents reading in English. */
function summarise(kind: string, payload: Record<string, unknown>): { summary: string; summaryText: ServerText | null } {
  if (kind === 'order.change_price') {
    const line = serverText('approval.change_price', {
      from: formatFen(Number(payload.currentTotalFen)),
      to: formatFen(Number(payload.newTotalFen)),
      discount: (Number(payload.discount) * 100).toFixed(1),
      limit: (Number(payload.limit) * 100).toFixed(0),
    });
    return { summary: line.text, summaryText: line.coded };
  }
  if (kind === 'case.compensate') {
    const line = serverText('approval.case_compensate', {
      compensation: String(payload.kind),
      amount: formatFen(Number(payload.amountFen)),
      limit: formatFen(Number(payload.limitFen)),
    });
    return { summary: line.text, summaryText: line.coded };
  }
  return { summary: kind, summaryText: null };
}
