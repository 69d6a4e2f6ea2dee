// Approvals: requests beyond an agent's limit (改价 discounts, 售后 goodwill), decided by a manager (the header's entry and the store).
export { ApprovalEntry } from './ApprovalEntry';
export { loadPendingApprovals } from './approval.api';
export { announceOwnDecision, approvalStore, onOwnDecision, resetApprovals, upsertApproval } from './approval.store';
export { announceNewRequest, onNewRequest } from './approval-alerts';
