/** The auth module's door: the only file other modules import. */
export { effectiveStatus, presentAgent } from './agent.presenter.js';
export { findAgent, findAgentByUsername, insertAgent, listAgents, setAgentDisabledAt, setAgentRole } from './agent.repository.js';
export { publishSessionsRevoked } from './auth.events.js';
export { registerAuthRoutes } from './auth.routes.js';
export { authenticate, capabilitiesOf } from './authenticate.js';
export { logIn } from './commands/log-in.js';
export { revokeAgentSessions } from './session.repository.js';
export { agentWorkbenchClosed, agentWorkbenchOpened } from './agent-presence-status.js';
export { AUTH_JOBS, autoOfflineSchedule } from './jobs/auto-offline.js';
