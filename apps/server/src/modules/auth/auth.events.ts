import type { AppContext } from '../../platform/app-context.js';
import type { SessionEndReason } from '../../platform/events/domain-events.js';

/**
 * Tells every process to close the agent's sockets: one session's (sign-out) or all of them. Call after the
 * revocation committed, so a socket that reconnects meanwhile is refused at its upgrade.
 */
export function publishSessionsRevoked(
  app: AppContext,
  target: { shopId: string; agentId: string; sessionId?: string },
  reason: SessionEndReason,
) {
  app.bus.publish({ type: 'agent.sessions_revoked', ...target, reason });
}
