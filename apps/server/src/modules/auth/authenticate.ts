import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import type { VerifiedToken } from '../../platform/security/tokens.js';
import { findSessionWithAgent } from './session.repository.js';

/**
 * Checks a bearer token for HTTP and the stream: signature and expiry (app clock), and for an agent that its
 * sign-in session is still live and the agent not disabled. The agent's role and name are read fresh, so a
 * change applies to tokens already issued. Buyer tokens stay stateless.
 */
export async function authenticate(app: AppContext, token: string): Promise<VerifiedToken> {
  const verified = app.tokens.verify(token);
  const principal = verified.principal;
  if (principal.kind !== 'agent') return verified;
  const session = await findSessionWithAgent(app.storage.db, principal.sessionId);
  if (
    !session ||
    session.revoked_at ||
    session.disabled_at ||
    session.agent_id !== principal.agentId ||
    session.shop_id !== principal.shopId
  ) {
    throw new AppError('invalid_token');
  }
  return { ...verified, principal: { ...principal, role: session.role, name: session.name } };
}
