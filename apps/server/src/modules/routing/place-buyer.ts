import type { AssignmentKind, RoutingSettings } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { assignIfRoom } from './assignment.js';
import { candidatesFor, type PoolAgent } from './routing-pool.js';

/** One buyer to place in a group. */
export interface Placement {
  shopId: string;
  conversationId: string;
  group: string;
  kind: AssignmentKind;
  /** Agents not to give the buyer to (the one who let them wait, the one handing them over). */
  exclude?: ReadonlySet<string>;
  fromAgentId?: string | null;
  actorId?: string | null;
  note?: string | null;
  handoffJson?: string | null;
}

/** assigned (to whom); queued: nobody has room; taken: the buyer was served meanwhile. */
export type PlacementResult = { result: 'assigned'; agent: PoolAgent } | { result: 'queued' } | { result: 'taken' };

/**
 * Gives the buyer to the best member of the group with room, by the group's strategy; a member who turns out full
 * (another process was quicker) is skipped. The pool is updated in place so a pass over many buyers stays right.
 */
export async function placeBuyer(
  app: AppContext,
  settings: RoutingSettings,
  pool: PoolAgent[],
  placement: Placement,
): Promise<PlacementResult> {
  const strategy = settings.groups.find((group) => group.key === placement.group)?.strategy ?? 'least_busy';
  const skipped = new Set(placement.exclude ?? []);
  for (;;) {
    const [agent] = candidatesFor(pool, placement.group, strategy, skipped);
    if (!agent) return { result: 'queued' };
    const outcome = await assignIfRoom(app, {
      shopId: placement.shopId,
      conversationId: placement.conversationId,
      agentId: agent.id,
      group: placement.group,
      kind: placement.kind,
      fromAgentId: placement.fromAgentId,
      actorId: placement.actorId,
      note: placement.note,
      handoffJson: placement.handoffJson,
    });
    if (outcome === 'taken') return { result: 'taken' };
    if (outcome === 'assigned') {
      agent.load += 1;
      agent.lastRoutedAt = app.now().toISOString();
      return { result: 'assigned', agent };
    }
    // Full after all: someone else filled their last slot. Note it and try the next member.
    agent.load = agent.capacity;
    skipped.add(agent.id);
  }
}
