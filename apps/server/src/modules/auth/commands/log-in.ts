import type { LoginResponse } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { AppError } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import { hashPassword, needsRehash, verifyPassword } from '../../../platform/security/passwords.js';
import { findShopBySlug } from '../../shops/index.js';
import { findAgentByUsername, findRoleColumn, replaceAgentPasswordHash } from '../agent.repository.js';
import { capabilitiesOf } from '../authenticate.js';
import { presentAgent } from '../agent.presenter.js';
import { LoginThrottle } from '../login-throttle.js';
import { insertSession, pruneSessions } from '../session.repository.js';

export interface LogInProps {
  /** Shop slug, e.g. "demo". */
  shop: string;
  username: string;
  password: string;
  /** The client's address (request.ip; behind TRUST_PROXY from X-Forwarded-For): failures are counted per address. */
  address: string;
}

// Verified against when the account does not exist, at today's cost, so timing does not reveal usernames.
const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/**
 * Agent sign-in: throttled per account and address, per address and per account (see LoginThrottle), then a
 * new revocable session whose id the token carries. A disabled agent is told so (after the right password only).
 */
export async function logIn(app: AppContext, props: LogInProps): Promise<LoginResponse> {
  const shop = await findShopBySlug(app.storage.db, props.shop);
  // Keyed by the shop's id, so a shop created later under a freed slug starts with a clean slate.
  const throttle = new LoginThrottle(app, `${shop?.id ?? `slug:${props.shop}`}:${props.username.toLowerCase()}`, props.address);
  await throttle.check();
  const agent = shop ? await findAgentByUsername(app.storage.db, shop.id, props.username) : undefined;
  const ok = await verifyPassword(props.password, agent?.password_hash ?? DUMMY_HASH);
  if (!shop || !agent || !ok) {
    await throttle.recordFailure();
    throw new AppError('wrong_credentials');
  }
  if (agent.disabled_at) throw new AppError('agent_disabled');
  await throttle.recordSuccess();
  if (needsRehash(agent.password_hash)) await upgradeHash(app, agent.id, agent.password_hash, props.password);

  const sessionId = newId();
  const { token, expiresAt, expiresInSeconds } = app.tokens.issue({
    kind: 'agent',
    shopId: shop.id,
    agentId: agent.id,
    role: agent.role,
    name: agent.name,
    sessionId,
  });
  const now = app.now().toISOString();
  await pruneSessions(app.storage.db, agent.id, now);
  await insertSession(app.storage.db, {
    id: sessionId,
    shop_id: shop.id,
    agent_id: agent.id,
    created_at: now,
    expires_at: expiresAt,
  });
  const role = await findRoleColumn(app.storage.db, shop.id, agent.role);
  return {
    token,
    expiresAt,
    expiresInSeconds,
    agent: presentAgent({ ...agent, role_name: role?.name }),
    shop: { id: shop.id, slug: shop.slug, name: shop.name },
    capabilities: [...capabilitiesOf(agent.role, role?.capabilities_json ?? null)],
  };
}

/** A hash written at an older, cheaper cost is replaced now that the password is known (unless it changed meanwhile). */
async function upgradeHash(app: AppContext, agentId: string, oldHash: string, password: string) {
  const passwordHash = await hashPassword(password);
  await replaceAgentPasswordHash(app.storage.db, agentId, oldHash, passwordHash);
}
