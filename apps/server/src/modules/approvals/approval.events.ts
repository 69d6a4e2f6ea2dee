import type { ApprovalView } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';

/** Agents' 审批 lists (and the requester) learn of changed requests, on any process. */
export function publishApprovals(app: AppContext, shopId: string, approvals: readonly ApprovalView[]) {
  for (const approval of approvals) app.bus.publish({ type: 'approval.updated', shopId, approval });
}
