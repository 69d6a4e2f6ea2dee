import type { AppContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { publishSessionsRevoked } from '../auth.events.js';
import { revokeSession } from '../session.repository.js';

/** Sign-out: ends the caller's own session; its token and its open sockets (on every process) stop at once. */
export async function logOut(app: AppContext, actor: AgentPrincipal): Promise<void> {
  await revokeSession(app.storage.db, actor.sessionId, app.now().toISOString());
  publishSessionsRevoked(app, { shopId: actor.shopId, agentId: actor.agentId, sessionId: actor.sessionId }, 'signed_out');
}
