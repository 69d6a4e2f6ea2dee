import { DEFAULT_AGENT_CAPACITY, type RoutingSettings, type RoutingStrategy } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { effectiveStatus } from '../auth/index.js';
import { defaultGroupsOfRole } from './routing-settings.js';
import { countOpenLoads, listRoutingAgents, listSignedInAgents, type RoutingAgentRow } from './routing.repository.js';

/** An agent as a routing decision sees them: groups, room and whether they take new buyers now. */
export interface PoolAgent {
  id: string;
  name: string;
  role: string;
  /** The status they set (null: never set, online while a workbench is open). */
  status: string | null;
  /** A workbench of theirs is open (on any process). */
  present: boolean;
  /** When their last workbench closed (null: one is open, or they never opened one). */
  leftAt: string | null;
  /** A live sign-in session (an API client may work without a workbench). */
  signedIn: boolean;
  capacity: number;
  weight: number;
  groups: string[];
  load: number;
  lastRoutedAt: string | null;
}

/** The groups an agent belongs to: as set for them (only groups the shop still has), else their role's. */
export function groupsOfAgent(row: Pick<RoutingAgentRow, 'groups_json' | 'role'>, settings: RoutingSettings): string[] {
  const known = new Set(settings.groups.map((group) => group.key));
  if (row.groups_json === null) return defaultGroupsOfRole(row.role).filter((key) => known.has(key));
  try {
    const parsed = JSON.parse(row.groups_json) as unknown;
    return Array.isArray(parsed) ? parsed.filter((key): key is string => typeof key === 'string' && known.has(key)) : [];
  } catch {
    return [];
  }
}

/** The shop's agents with their loads and presence, read once per routing pass. */
export async function loadRoutingPool(app: AppContext, shopId: string, settings: RoutingSettings): Promise<PoolAgent[]> {
  const db = app.storage.db;
  const rows = await listRoutingAgents(db, shopId);
  const [loads, present, signedIn] = await Promise.all([
    countOpenLoads(
      db,
      rows.map((row) => row.id),
    ),
    app.presence.onlineAgents(shopId),
    listSignedInAgents(db, shopId, app.now().toISOString()),
  ]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    role: row.role,
    status: row.status,
    present: present.has(row.id),
    leftAt: row.left_at,
    signedIn: signedIn.has(row.id),
    capacity: row.capacity ?? DEFAULT_AGENT_CAPACITY,
    weight: row.routing_weight ?? 1,
    groups: groupsOfAgent(row, settings),
    load: loads.get(row.id) ?? 0,
    lastRoutedAt: row.last_routed_at,
  }));
}

/**
 * Takes new buyers now: 在线 as colleagues see it (a workbench open and not 忙碌/离线, or a signed-in API client with no
 * workbench that closed since). 忙碌 keeps their buyers but takes none; 离线 none.
 */
export function takesNewBuyers(agent: Pick<PoolAgent, 'present' | 'status' | 'leftAt' | 'signedIn'>): boolean {
  return effectiveStatus({ status: agent.status, left_at: agent.leftAt }, agent.present, agent.signedIn) === 'online';
}

/**
 * Members of `group` who take new buyers and have room, best first by the group's strategy. A group nobody of which is
 * at work (all 离线 or 忙碌, or no members) falls back to everyone at work with room: a small shop never leaves a buyer
 * waiting for a group nobody staffs today (as 千牛 gives them to the main account). A staffed group that is full queues.
 */
export function candidatesFor(
  pool: readonly PoolAgent[],
  group: string,
  strategy: RoutingStrategy,
  exclude: ReadonlySet<string> = new Set(),
): PoolAgent[] {
  const staffed = pool.some((agent) => agent.groups.includes(group) && takesNewBuyers(agent));
  const open = pool.filter(
    (agent) =>
      (!staffed || agent.groups.includes(group)) &&
      takesNewBuyers(agent) &&
      agent.load < agent.capacity &&
      !exclude.has(agent.id),
  );
  return open.sort(compareBy(strategy));
}

// The agent whose turn came longest ago goes first: never-routed agents before everyone.
const byTurn = (a: PoolAgent, b: PoolAgent) =>
  (a.lastRoutedAt ?? '').localeCompare(b.lastRoutedAt ?? '') || a.id.localeCompare(b.id);

function compareBy(strategy: RoutingStrategy): (a: PoolAgent, b: PoolAgent) => number {
  switch (strategy) {
    case 'least_busy':
      return (a, b) => a.load - b.load || byTurn(a, b);
    case 'round_robin':
      return byTurn;
    case 'weighted':
      // Buyers in proportion to weight: a weight-2 agent serves twice as many as a weight-1 colleague at a time.
      return (a, b) => a.load / a.weight - b.load / b.weight || b.weight - a.weight || byTurn(a, b);
  }
}
