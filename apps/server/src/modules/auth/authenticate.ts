import { effectiveCapabilities, type Capability } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import type { VerifiedToken } from '../../platform/security/tokens.js';
import { findSessionWithAgent } from './session.repository.js';

/**
 * Checks a bearer token for HTTP and the stream: signature and expiry (app clock), and for an agent that its
 * sign-in session is still live and the agent not disabled. The agent's role, name and capabilities (the role's column
 * of the shop's permissions matrix) are read fresh, so a change applies to tokens already issued. Buyer tokens stay
 * stateless.
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
  const capabilities = capabilitiesOf(session.role, session.capabilities_json);
  return { ...verified, principal: { ...principal, role: session.role, name: session.name, capabilities } };
}

// Every agent request reads its role's stored column; the same few texts come back, so each is parsed once.
const parsed = new Map<string, Capability[]>();
const PARSED_MAX = 500;

/** A role's capabilities from its stored column (null: the defaults); the owner always has everything. */
export function capabilitiesOf(role: string, capabilitiesJson: string | null): readonly Capability[] {
  const key = capabilitiesJson === null ? role : `${role}\n${capabilitiesJson}`;
  let capabilities = parsed.get(key);
  if (!capabilities) {
    capabilities = effectiveCapabilities(role, capabilitiesJson === null ? null : readList(capabilitiesJson));
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(key, capabilities);
  }
  return capabilities;
}

/** The stored list; anything unreadable grants nothing (never more than was stored). */
function readList(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
