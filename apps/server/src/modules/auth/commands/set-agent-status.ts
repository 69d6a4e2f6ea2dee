import type { AgentStatus } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { newId } from '../../../platform/ids.js';
import { recordAgentStatus } from '../agent.repository.js';

/**
 * The agent sets their status: 在线, 忙碌 (挂起: keeps their buyers, takes no new ones) or 离线. It is kept across
 * reconnects and sign-ins, each change starts a period (online time), and colleagues see it at once.
 */
export async function setAgentStatus(ctx: CommandContext<AgentPrincipal>, status: AgentStatus): Promise<AgentStatus> {
  const { app, actor } = ctx;
  const at = app.now().toISOString();
  await app.storage.db
    .transaction()
    .execute((trx) => recordAgentStatus(trx, { shopId: actor.shopId, agentId: actor.agentId, status, at, periodId: newId() }));
  app.bus.publish({ type: 'agent.status_changed', shopId: actor.shopId, agentId: actor.agentId, status });
  return status;
}
