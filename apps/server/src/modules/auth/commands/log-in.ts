import type { LoginResponse } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { AppError } from '../../../platform/http/errors.js';
import { verifyPassword } from '../../../platform/security/passwords.js';
import { findShopBySlug } from '../../shops/shop.repository.js';
import { findAgentByUsername } from '../../team/agent.repository.js';
import { presentAgent } from '../../team/agent.presenter.js';

export interface LogInProps {
  /** Shop slug, e.g. "demo". */
  shop: string;
  username: string;
  password: string;
}

// A fixed hash to verify against when the account does not exist, so timing does not reveal usernames.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/**
 * Agent sign-in. Failures are counted per account (shop + username), not per address: an attacker
 * guessing one account is stopped with 429 while colleagues behind the same office NAT still sign in.
 */
export async function logIn(app: AppContext, props: LogInProps): Promise<LoginResponse> {
  const shop = await findShopBySlug(app.storage.db, props.shop);
  // Keyed by the shop's id, so a shop created later under a freed slug starts with a clean slate.
  const throttleKey = `login:${shop?.id ?? `slug:${props.shop}`}:${props.username.toLowerCase()}`;
  const minutes = Math.ceil(app.config.loginLockSeconds / 60);
  if ((await app.attempts.count(throttleKey)) >= app.config.loginMaxFailures) {
    throw new AppError('too_many_login_attempts', { minutes });
  }
  const agent = shop ? await findAgentByUsername(app.storage.db, shop.id, props.username) : undefined;
  const ok = await verifyPassword(props.password, agent?.password_hash ?? DUMMY_HASH);
  if (!shop || !agent || !ok) {
    const failures = await app.attempts.hit(throttleKey, app.config.loginLockSeconds);
    if (failures > app.config.loginMaxFailures) throw new AppError('too_many_login_attempts', { minutes });
    throw new AppError('wrong_credentials');
  }
  await app.attempts.reset(throttleKey);
  const { token, expiresAt } = app.tokens.issue({
    kind: 'agent', shopId: shop.id, agentId: agent.id, role: agent.role, name: agent.name,
  });
  return { token, expiresAt, agent: presentAgent(agent), shop: { id: shop.id, slug: shop.slug, name: shop.name } };
}
