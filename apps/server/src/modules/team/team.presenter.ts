import type { AgentView } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { presentAgent } from '../auth/index.js';
import { agentRoutingViews, signedInAgents } from '../routing/index.js';

type AgentRow = Parameters<typeof presentAgent>[0] & Parameters<typeof agentRoutingViews>[2][number];

/** Colleagues as the team page shows them: who, status (离线 while no workbench is open), and routing. */
export async function presentTeam(app: AppContext, shopId: string, rows: readonly AgentRow[]): Promise<AgentView[]> {
  const [online, signedIn, routing] = await Promise.all([
    app.presence.onlineAgents(shopId),
    signedInAgents(app, shopId),
    agentRoutingViews(app, shopId, rows),
  ]);
  return rows.map((row) => ({ ...presentAgent(row, online, signedIn), ...routing.get(row.id) }));
}
