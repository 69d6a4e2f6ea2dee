import type { ApprovalView } from '@golddesk/contracts';
import { createStore } from '../../platform/store';

export interface ApprovalState {
  /** Requests waiting for a manager, newest first. */
  pending: ApprovalView[];
  /** Requests the system closed lately because the order moved on (改价 once paid), newest first. */
  closed: ApprovalView[];
  loaded: boolean;
}

/** How many automatically closed requests 审批 keeps showing. */
export const RECENTLY_CLOSED = 10;

export const approvalStore = createStore<ApprovalState>({ pending: [], closed: [], loaded: false });

/** Applies a created or decided request (from an answer or an `approval.updated` frame). */
export function upsertApproval(approval: ApprovalView): void {
  approvalStore.set((state) => {
    const others = state.pending.filter((a) => a.id !== approval.id);
    if (approval.status === 'cancelled') {
      const closed = [approval, ...state.closed.filter((a) => a.id !== approval.id)].slice(0, RECENTLY_CLOSED);
      return { ...state, pending: others, closed };
    }
    if (approval.status !== 'pending') return others.length === state.pending.length ? state : { ...state, pending: others };
    return { ...state, pending: [approval, ...others].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
  });
}

export function resetApprovals(): void {
  approvalStore.set({ pending: [], closed: [], loaded: false });
}

type DecisionListener = (approval: ApprovalView) => void;
const decisionListeners = new Set<DecisionListener>();

/** Subscribes to decisions on the signed-in agent's own requests (to tell them); returns the unsubscribe. */
export function onOwnDecision(listener: DecisionListener): () => void {
  decisionListeners.add(listener);
  return () => decisionListeners.delete(listener);
}

/** A request of the signed-in agent was approved or rejected. */
export function announceOwnDecision(approval: ApprovalView): void {
  for (const listener of decisionListeners) listener(approval);
}
