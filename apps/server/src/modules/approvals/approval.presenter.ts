import type { ApprovalView } from '@golddesk/contracts';
import type { ApprovalRow } from './approval.repository.js';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

export function presentApproval(row: ApprovalRow & { order_no: string }): ApprovalView {
  const payload = JSON.parse(row.payload_json) as Record<string, unknown>;
  return {
    id: row.id,
    kind: row.kind as ApprovalView['kind'],
    status: row.status as ApprovalView['status'],
    orderId: row.target_id,
    orderNo: row.order_no,
    summary: summarise(row.kind, payload),
    payload,
    reason: row.reason,
    requestedBy: { id: row.requested_by, name: row.requested_by_name },
    decidedBy: row.decided_by ? { id: row.decided_by, name: row.decided_by_name ?? '' } : null,
    decisionNote: row.decision_note,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
  };
}

function summarise(kind: string, payload: Record<string, unknown>): string {
  if (kind === 'order.change_price') {
    const from = Number(payload.currentTotalFen);
    const to = Number(payload.newTotalFen);
    const discount = Number(payload.discount);
    return `改价 ${yuan(from)} → ${yuan(to)}（优惠 ${(discount * 100).toFixed(1)}%，超出权限 ${(Number(payload.limit) * 100).toFixed(0)}%）`;
  }
  return kind;
}
