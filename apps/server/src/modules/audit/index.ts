/** The audit module's door: the only file other modules import. */
export { recordAgentAudit, recordAudit, secretFingerprint } from './audit.repository.js';
export { registerAuditRoutes } from './audit.routes.js';
