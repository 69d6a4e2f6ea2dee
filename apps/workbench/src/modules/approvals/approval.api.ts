import type { ApprovalView, OrderView } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';
import { putOrders } from '../orders';
import { approvalStore, RECENTLY_CLOSED, upsertApproval } from './approval.store';

/** Loads the pending approval requests of the shop (every agent sees which of their requests wait) and the ones closed lately. */
export async function loadPendingApprovals(): Promise<void> {
  const list = (status: ApprovalView['status']) =>
    apiRequest<{ approvals: ApprovalView[] }>('/api/v1/approvals', { query: { status } });
  const [pending, closed] = await Promise.all([list('pending'), list('cancelled')]);
  approvalStore.set((state) => ({
    ...state,
    pending: pending.approvals,
    closed: closed.approvals.slice(0, RECENTLY_CLOSED),
    loaded: true,
  }));
}

/** Approves or rejects a request (owner, manager); an approved 改价 comes back with the changed order. */
export async function decideApproval(id: string, decision: 'approve' | 'reject', note?: string): Promise<ApprovalView> {
  const answer = await apiRequest<{ approval: ApprovalView; order?: OrderView }>(
    `/api/v1/approvals/${encodeURIComponent(id)}/${decision}`,
    { method: 'POST', body: note?.trim() ? { note: note.trim() } : {} },
  );
  upsertApproval(answer.approval);
  if (answer.order) putOrders([answer.order]);
  return answer.approval;
}
