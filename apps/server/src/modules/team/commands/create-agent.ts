import type { AgentView, CreateAgentRequest } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { hashPassword } from '../../../platform/security/passwords.js';
import { recordAgentAudit } from '../../audit/index.js';
import { presentAgent } from '../../auth/index.js';
import { findAgentByUsername, insertAgent } from '../../auth/index.js';
import { mayCreateRole } from '../team.policy.js';
import { newId } from '../../../platform/ids.js';

/** The owner or a manager adds a colleague to the shop's team. */
export async function createAgent(ctx: CommandContext<AgentPrincipal>, props: CreateAgentRequest): Promise<AgentView> {
  if (!mayCreateRole(ctx.actor.role, props.role)) throw new AppError('forbidden');
  const db = ctx.app.storage.db;
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
  return presentAgent(row);
}
