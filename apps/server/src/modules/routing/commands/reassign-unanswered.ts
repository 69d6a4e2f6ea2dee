import type { Handoff, RoutingSettings } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { announceConversations } from '../../conversations/index.js';
import { recordAssignmentEvent } from '../assignment.js';
import { placeBuyer } from '../place-buyer.js';
import { candidatesFor, loadRoutingPool, takesNewBuyers } from '../routing-pool.js';
import { listUnansweredAssignments, moveAssignee } from '../routing.repository.js';

/**
 * Buyers whose assigned agent has not answered within the shop's limit (100 s by default) go to the next member of
 * their group with room, or back to the queue (where their long wait puts them first) when their agent went 离线 or
 * 忙碌; with nobody else to take them they stay with an agent still at work (who is nudged). The agent who let them wait
 * and the one who gets them are both told (`conversation.reassigned`); the next agent sees why in the hand-over.
 */
export async function reassignUnanswered(app: AppContext, shopId: string, settings: RoutingSettings): Promise<number> {
  const db = app.storage.db;
  const now = app.now();
  const before = new Date(now.getTime() - settings.reassignAfterSeconds * 1000).toISOString();
  const overdue = await listUnansweredAssignments(db, shopId, before);
  if (overdue.length === 0) return 0;
  const pool = await loadRoutingPool(app, shopId, settings);
  let moved = 0;
  for (const row of overdue) {
    const fromAgentId = row.assignee_id!;
    const group = row.group_key ?? settings.defaultGroup;
    const from = pool.find((agent) => agent.id === fromAgentId);
    // Nobody else could take them, and their agent still takes buyers: back to the queue would only bring them back
    // to the same agent. They stay (the agent is nudged); an agent gone 离线 or 忙碌 lets them go to the queue.
    const strategy = settings.groups.find((g) => g.key === group)?.strategy ?? 'least_busy';
    const someoneElse = candidatesFor(pool, group, strategy, new Set([fromAgentId])).length > 0;
    if (!someoneElse && from && takesNewBuyers(from)) continue;
    const handoff: Handoff = {
      kind: 'reassigned',
      note: '',
      fromAgent: from ? { id: from.id, name: from.name } : null,
      at: now.toISOString(),
    };
    const handoffJson = JSON.stringify(handoff);
    const released = await db.transaction().execute((trx) =>
      moveAssignee(trx, {
        shopId,
        conversationId: row.id,
        fromAgentId,
        toAgentId: null,
        group,
        at: now.toISOString(),
        handoffJson,
        assignedAt: row.assigned_at!,
      }),
    );
    if (!released) continue;
    moved += 1;
    if (from) from.load -= 1;
    const placed = await placeBuyer(app, settings, pool, {
      shopId,
      conversationId: row.id,
      group,
      kind: 'reassigned',
      exclude: new Set([fromAgentId]),
      fromAgentId,
      handoffJson,
    });
    if (placed.result !== 'assigned') {
      await recordAssignmentEvent(app, {
        shopId,
        conversationId: row.id,
        kind: 'queued',
        group,
        fromAgentId,
        note: 'reassigned',
      });
      await announceConversations(app, shopId, [row.id]);
    }
    app.bus.publish({
      type: 'conversation.reassigned',
      shopId,
      conversationId: row.id,
      fromAgentId,
      toAgentId: placed.result === 'assigned' ? placed.agent.id : null,
      waitingSince: row.waiting_since!,
    });
  }
  return moved;
}
