import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/index.js';
import { publishSessionsRevoked } from '../../auth/index.js';
import { revokeAgentSessions } from '../../auth/index.js';
import { findAgent } from '../../auth/index.js';
import { mayManageAgent } from '../team.policy.js';

/**
 * "Sign out everywhere" (强制下线): ends every session of a colleague (or, for anyone, of themselves), so every
 * token stops and every open socket closes on every process. Audited.
 */
export async function signOutAgent(ctx: CommandContext<AgentPrincipal>, agentId: string): Promise<{ sessionsEnded: number }> {
  const { app, actor } = ctx;
  const now = app.now().toISOString();
  const sessionsEnded = await app.storage.db.transaction().execute(async (trx) => {
    const agent = await findAgent(trx, actor.shopId, agentId);
    if (!agent) throw new AppError('not_found', { thing: 'agent' });
    if (agent.id !== actor.agentId && !mayManageAgent(actor, agent)) throw new AppError('forbidden');
    const ended = await revokeAgentSessions(trx, agent.id, now);
    await recordAudit(trx, {
      shopId: actor.shopId,
      actor: { kind: 'agent', id: actor.agentId, name: actor.name },
      action: 'agent.signed_out_everywhere',
      targetType: 'agent',
      targetId: agent.id,
      before: null,
      after: { sessionsEnded: ended },
      at: now,
    });
    return ended;
  });
  publishSessionsRevoked(app, { shopId: actor.shopId, agentId }, 'signed_out_everywhere');
  return { sessionsEnded };
}
