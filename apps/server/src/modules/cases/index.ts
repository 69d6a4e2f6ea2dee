/** The cases module's door: after-sales cases (售后工单), their policy, goodwill and the buyer's side. */
export { registerAftersalePolicyRoutes } from './aftersale-policy.routes.js';
export { caseApprovalTarget } from './case-approval-target.js';
export { caseTaskOutcome } from './case-task-outcome.js';
export { readCompensationLimits, writeCompensationLimit } from './compensation-limits.js';
export { registerCaseRoutes } from './case.routes.js';
export { registerCaseWidgetRoutes } from './case-widget.routes.js';
export { CASE_JOBS, caseDeadlineSchedule } from './jobs/case-deadline-reminders.js';
export { seedDemoCases } from './demo-cases.js';
export { recordRefundReported } from './commands/record-refund-reported.js';
export { openCaseFromStore } from './commands/open-case-from-store.js';
export { listBuyerCaseSummaries } from './case.repository.js';
export { presentCaseSummary } from './case.presenter.js';
export { isAftersaleBuyer } from './queries/aftersale-standing.js';
