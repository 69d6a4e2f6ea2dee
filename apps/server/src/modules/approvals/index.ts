/** The approvals module's door: the only file other modules import. */
export { publishApprovals } from './approval.events.js';
export { presentApproval } from './approval.presenter.js';
export { cancelPendingApproval, findApproval, insertApproval, listPendingApprovalsFor } from './approval.repository.js';
export { registerApprovalRoutes } from './approval.routes.js';
export { provideApprovalTarget, type ApprovalTarget } from './approval-targets.js';
