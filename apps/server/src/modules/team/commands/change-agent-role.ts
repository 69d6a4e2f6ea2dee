import { isBuiltInRole } from '@golddesk/contracts';
import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { recordAgentAudit } from '../../audit/index.js';
import { capabilitiesOf, setAgentRole } from '../../auth/index.js';
import { findShopRole } from '../../permissions/index.js';
import { mayCreateRole } from '../team.policy.js';

/**
 * Gives a colleague another role, in the caller's transaction (audited there): the caller must be allowed to manage
 * agents of the new role as of the old one (checked by the caller), and the role must be the shop's. Returns the new
 * role's capabilities, for the agent's open sockets (published after the commit), or undefined when nothing changed.
 */
export async function changeAgentRole(
  trx: Transaction<Database>,
  actor: AgentPrincipal,
  agent: { id: string; role: string },
  role: string | undefined,
  at: string,
): Promise<readonly string[] | undefined> {
  if (role === undefined || role === agent.role) return undefined;
  if (!mayCreateRole(actor, role)) throw new AppError('forbidden');
  const stored = await findShopRole(trx, actor.shopId, role);
  if (!isBuiltInRole(role) && !stored) throw new AppError('role_unknown', { role });
  await setAgentRole(trx, actor.shopId, agent.id, role);
  await recordAgentAudit(trx, actor, {
    action: 'agent.role_changed',
    targetType: 'agent',
    targetId: agent.id,
    before: { role: agent.role },
    after: { role },
    at,
  });
  return capabilitiesOf(role, stored?.capabilities_json ?? null);
}
