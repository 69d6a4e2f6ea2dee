import type { AgentView, UpdateAgentRequest } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { recordAgentAudit } from '../../audit/index.js';
import { publishSessionsRevoked } from '../../auth/index.js';
import { revokeAgentSessions } from '../../auth/index.js';
import { presentTeam } from '../team.presenter.js';
import { findAgent, setAgentDisabledAt } from '../../auth/index.js';
import { changeAgentRouting, fillFreeSlots } from '../../routing/index.js';
import { mayManageAgent } from '../team.policy.js';
import { changeAgentRole } from './change-agent-role.js';

export interface UpdateAgentProps extends UpdateAgentRequest {
  /** The colleague to change (an agent of the caller's shop). */
  agentId: string;
}

/**
 * Changes a colleague (PATCH /team/agents/:id): disable (no sign-in; every session and socket ends at once) or
 * enable; another role (at once, open sockets included); routing's capacity, groups and weight. Audited in the same transaction; the sockets close after commit on
 * every process, and queued buyers may go to the agent's new room at once.
 */
export async function updateAgent(ctx: CommandContext<AgentPrincipal>, props: UpdateAgentProps): Promise<AgentView> {
  const { app, actor } = ctx;
  const now = app.now().toISOString();
  let disabledNow = false;
  let routingChanged = false;
  let newCapabilities: readonly string[] | undefined;
  const updated = await app.storage.db.transaction().execute(async (trx) => {
    const agent = await findAgent(trx, actor.shopId, props.agentId);
    if (!agent) throw new AppError('not_found', { thing: 'agent' });
    if (agent.id === actor.agentId && props.disabled) throw new AppError('cannot_disable_self');
    if (!mayManageAgent(actor, agent)) throw new AppError('forbidden');
    newCapabilities = await changeAgentRole(trx, actor, agent, props.role, now);
    if (newCapabilities) agent.role = props.role!;
    const routing = await changeAgentRouting(trx, actor.shopId, agent, props);
    if (routing) {
      routingChanged = true;
      await recordAgentAudit(trx, actor, {
        action: 'agent.routing_changed',
        targetType: 'agent',
        targetId: agent.id,
        before: { ...routing.before },
        after: { ...routing.after },
        at: now,
      });
    }
    if (props.disabled === undefined || props.disabled === (agent.disabled_at != null)) return agent;
    const disabledAt = props.disabled ? now : null;
    await setAgentDisabledAt(trx, actor.shopId, agent.id, disabledAt);
    if (props.disabled) {
      await revokeAgentSessions(trx, agent.id, now);
      disabledNow = true;
    }
    await recordAgentAudit(trx, actor, {
      action: props.disabled ? 'agent.disabled' : 'agent.enabled',
      targetType: 'agent',
      targetId: agent.id,
      before: { disabled: agent.disabled_at != null },
      after: { disabled: props.disabled },
      at: now,
    });
    return { ...agent, disabled_at: disabledAt };
  });
  if (disabledNow) publishSessionsRevoked(app, { shopId: actor.shopId, agentId: updated.id }, 'disabled');
  if (newCapabilities) {
    app.bus.publish({
      type: 'agent.role_changed',
      shopId: actor.shopId,
      agentId: updated.id,
      role: updated.role,
      capabilities: newCapabilities,
    });
  }
  if (routingChanged || newCapabilities) await fillFreeSlots(app, actor.shopId);
  const [view] = await presentTeam(app, actor.shopId, [(await findAgent(app.storage.db, actor.shopId, updated.id)) ?? updated]);
  return view!;
}
