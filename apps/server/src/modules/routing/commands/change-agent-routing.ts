import { DEFAULT_AGENT_CAPACITY } from '@golddesk/contracts';
import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { AppError } from '../../../platform/http/errors.js';
import { groupsOfAgent } from '../routing-pool.js';
import { readRoutingSettings } from '../routing-settings.js';
import { updateAgentRouting, type RoutingAgentRow } from '../routing.repository.js';

/** The routing part of PATCH /team/agents/:id. */
export interface AgentRoutingChange {
  capacity?: number;
  groups?: string[];
  weight?: number;
}

/** What routing knows of an agent, as the team list shows it. */
export interface AgentRoutingView {
  capacity: number;
  groups: string[];
  weight: number;
}

/**
 * Sets an agent's capacity, groups and weight in the caller's transaction (audited there); groups must be the
 * shop's. Returns the values before and after for the audit. The caller fills free slots after the commit (more
 * room or a new group may take queued buyers at once).
 */
export async function changeAgentRouting(
  trx: Transaction<Database>,
  shopId: string,
  agent: Pick<RoutingAgentRow, 'id' | 'role' | 'capacity' | 'routing_weight' | 'groups_json'>,
  change: AgentRoutingChange,
): Promise<{ before: AgentRoutingView; after: AgentRoutingView } | undefined> {
  if (change.capacity === undefined && change.groups === undefined && change.weight === undefined) return undefined;
  const settings = await readRoutingSettings(trx, shopId);
  const known = new Set(settings.groups.map((group) => group.key));
  const unknown = change.groups?.find((key) => !known.has(key));
  if (unknown) throw new AppError('routing_group_unknown', { group: unknown });
  const before = agentRoutingView(agent, settings);
  const groups = change.groups ? [...new Set(change.groups)] : undefined;
  await updateAgentRouting(trx, agent.id, {
    ...(change.capacity !== undefined ? { capacity: change.capacity } : {}),
    ...(change.weight !== undefined ? { routing_weight: change.weight } : {}),
    ...(groups ? { groups_json: JSON.stringify(groups) } : {}),
  });
  return {
    before,
    after: {
      capacity: change.capacity ?? before.capacity,
      groups: groups ?? before.groups,
      weight: change.weight ?? before.weight,
    },
  };
}

export function agentRoutingView(
  agent: Pick<RoutingAgentRow, 'role' | 'capacity' | 'routing_weight' | 'groups_json'>,
  settings: Parameters<typeof groupsOfAgent>[1],
): AgentRoutingView {
  return {
    capacity: agent.capacity ?? DEFAULT_AGENT_CAPACITY,
    groups: groupsOfAgent(agent, settings),
    weight: agent.routing_weight ?? 1,
  };
}
