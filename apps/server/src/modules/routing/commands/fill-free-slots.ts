import type { AppContext } from '../../../platform/app-context.js';
import { findLastBuyerText } from '../../conversations/index.js';
import { chooseGroup } from '../choose-group.js';
import { placeBuyer } from '../place-buyer.js';
import { refreshQueuePlacesSoon } from '../queue-places.js';
import { loadRoutingPool, takesNewBuyers } from '../routing-pool.js';
import { readRoutingSettings } from '../routing-settings.js';
import { listQueued, setConversationGroup } from '../routing.repository.js';

/**
 * Gives queued buyers to agents with room, longest wait first (the first free slot takes the longest-waiting buyer).
 * Run whenever room may have appeared: an agent closed a chat, came online, got more capacity or a new group; and by
 * the periodic sweep. Safe to run on several processes at once. Returns the conversations that got an agent.
 */
export async function fillFreeSlots(
  app: AppContext,
  shopId: string,
  options: { groups?: readonly string[] } = {},
): Promise<Set<string>> {
  const db = app.storage.db;
  const settings = await readRoutingSettings(db, shopId);
  const assigned = new Set<string>();
  // 抢单 mode: nobody is assigned here (arrivals learn their place on arrival, departures refresh the rest).
  if (!settings.autoAssign) return assigned;
  const pool = await loadRoutingPool(app, shopId, settings);
  // Nobody at work has room (a rush): nothing to hand out, so the queue is not read at all.
  const roomSomewhere = pool.some((agent) => takesNewBuyers(agent) && agent.load < agent.capacity);
  const queue = roomSomewhere ? await listQueued(db, shopId, options.groups) : [];
  if (queue.length > 0) {
    const full = new Set<string>();
    for (const row of queue) {
      let group = row.group_key;
      if (!group) {
        // Waiting since before routing was switched on: the rules decide now, on what the buyer last wrote.
        const text = await findLastBuyerText(db, shopId, row.id);
        group = (await chooseGroup(app, settings, { shopId, buyerId: row.buyer_id, entry: null, text, at: app.now() })).group;
        await setConversationGroup(db, row.id, group);
      }
      if (full.has(group)) continue;
      const placed = await placeBuyer(app, settings, pool, { shopId, conversationId: row.id, group, kind: 'routed' });
      if (placed.result === 'queued') full.add(group);
      if (placed.result === 'assigned') assigned.add(row.id);
    }
  }
  // Buyers left the queue: those behind them move up.
  if (assigned.size > 0) await refreshQueuePlacesSoon(app, shopId);
  return assigned;
}
