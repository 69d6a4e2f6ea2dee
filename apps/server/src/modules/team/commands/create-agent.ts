import { isBuiltInRole, type AgentView, type CreateAgentRequest } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { hashPassword } from '../../../platform/security/passwords.js';
import { recordAgentAudit } from '../../audit/index.js';
import { presentAgent } from '../../auth/index.js';
import { findAgentByUsername, insertAgent } from '../../auth/index.js';
import { findShopRole } from '../../permissions/index.js';
import { mayCreateRole } from '../team.policy.js';
import { newId } from '../../../platform/ids.js';

/** The owner or a manager adds a colleague to the shop's team, with a built-in role or one of the shop's own. */
export async function createAgent(ctx: CommandContext<AgentPrincipal>, props: CreateAgentRequest): Promise<AgentView> {
  if (!mayCreateRole(ctx.actor, props.role)) throw new AppError('forbidden');
  const db = ctx.app.storage.db;
  const custom = isBuiltInRole(props.role) ? undefined : await findShopRole(db, ctx.actor.shopId, props.role);
  if (!isBuiltInRole(props.role) && !custom) throw new AppError('role_unknown', { role: props.role });
  if (await findAgentByUsername(db, ctx.actor.shopId, props.username)) {
    throw new AppError('username_taken', { username: props.username });
  }
  const row = {
    id: newId(),
    shop_id: ctx.actor.shopId,
    username: props.username,
    name: props.name,
    role: props.role,
    password_hash: await hashPassword(props.password),
    created_at: ctx.app.now().toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await insertAgent(trx, row);
    // Never the password: who was added, with which role.
    await recordAgentAudit(trx, ctx.actor, {
      action: 'agent.created',
      targetType: 'agent',
      targetId: row.id,
      after: { username: row.username, name: row.name, role: row.role },
      at: row.created_at,
    });
  });
  return presentAgent({ ...row, role_name: custom?.name });
}
