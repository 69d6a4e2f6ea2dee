import type { AppContext } from '../../../platform/app-context.js';
import { agentRoutingView, type AgentRoutingView } from '../commands/change-agent-routing.js';
import { readRoutingSettings } from '../routing-settings.js';
import { countOpenLoads, listSignedInAgents, type RoutingAgentRow } from '../routing.repository.js';

/** Each agent's capacity, groups, weight and buyers served now, for the team list. */
export async function agentRoutingViews(
  app: AppContext,
  shopId: string,
  agents: readonly Pick<RoutingAgentRow, 'id' | 'role' | 'capacity' | 'routing_weight' | 'groups_json'>[],
): Promise<Map<string, AgentRoutingView & { load: number }>> {
  const [settings, loads] = await Promise.all([
    readRoutingSettings(app.storage.db, shopId),
    countOpenLoads(
      app.storage.db,
      agents.map((agent) => agent.id),
    ),
  ]);
  return new Map(agents.map((agent) => [agent.id, { ...agentRoutingView(agent, settings), load: loads.get(agent.id) ?? 0 }]));
}

/** Agents of the shop signed in now (an API client may work without a workbench). */
export function signedInAgents(app: AppContext, shopId: string): Promise<Set<string>> {
  return listSignedInAgents(app.storage.db, shopId, app.now().toISOString());
}
