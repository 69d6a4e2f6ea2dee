import type { AppContext } from '../../platform/app-context.js';
import { findConversation } from '../conversations/index.js';
import { countRoutedSince, listQueued, listStaleQueuePlaces, setQueuePosition } from './routing.repository.js';

/** The pace behind an estimate: buyers the group's agents took in this window. */
const PACE_WINDOW_MS = 30 * 60_000;
/** Fewer takes than this in the window: too little to estimate honestly, so no estimate. */
const MIN_TAKES_FOR_ESTIMATE = 3;

/**
 * Tells each queued buyer their place in their group's queue whenever it changed, and those who left the queue that
 * they have. The place is kept on the conversation: the process that changes it announces it, so several processes
 * refreshing together tell each buyer once.
 */
export async function refreshQueuePlaces(app: AppContext, shopId: string): Promise<void> {
  const db = app.storage.db;
  const queued = await listQueued(db, shopId);
  const byGroup = new Map<string, typeof queued>();
  for (const row of queued) {
    const key = row.group_key ?? '';
    byGroup.set(key, [...(byGroup.get(key) ?? []), row]);
  }
  for (const [group, rows] of byGroup) {
    const pace = group ? await takesPerSecond(app, shopId, group) : 0;
    for (const [index, row] of rows.entries()) {
      const position = index + 1;
      // Read with the queue: most places stay the same when a buyer joins at the back, so most rows need no write.
      if (row.queue_position === position || !(await setQueuePosition(db, row.id, position))) continue;
      const etaSeconds = pace > 0 ? Math.round(position / pace) : undefined;
      app.bus.publish({
        type: 'queue.position_changed',
        shopId,
        conversationId: row.id,
        position,
        ...(etaSeconds !== undefined ? { etaSeconds } : {}),
      });
    }
  }
  for (const id of await listStaleQueuePlaces(
    db,
    shopId,
    queued.map((row) => row.id),
  )) {
    if (await setQueuePosition(db, id, null))
      app.bus.publish({ type: 'queue.position_changed', shopId, conversationId: id, position: null });
  }
}

async function takesPerSecond(app: AppContext, shopId: string, group: string): Promise<number> {
  const since = new Date(app.now().getTime() - PACE_WINDOW_MS).toISOString();
  const takes = await countRoutedSince(app.storage.db, shopId, group, since);
  return takes >= MIN_TAKES_FOR_ESTIMATE ? takes / (PACE_WINDOW_MS / 1000) : 0;
}

const running = new WeakMap<AppContext, Map<string, { again: boolean; done: Promise<void> }>>();

/**
 * Refreshes the shop's queue places soon, coalescing: while a refresh runs, further requests make one more run after
 * it (a burst of arrivals costs two passes, not one per buyer). Resolves when the places are up to date.
 */
export function refreshQueuePlacesSoon(app: AppContext, shopId: string): Promise<void> {
  let shops = running.get(app);
  if (!shops) running.set(app, (shops = new Map()));
  const current = shops.get(shopId);
  if (current) {
    current.again = true;
    return current.done;
  }
  const state = { again: false, done: Promise.resolve() };
  state.done = (async () => {
    try {
      do {
        state.again = false;
        await refreshQueuePlaces(app, shopId);
      } while (state.again);
    } catch (err) {
      app.log.warn({ err }, 'queue places not refreshed');
    } finally {
      shops.delete(shopId);
    }
  })();
  shops.set(shopId, state);
  return state.done;
}

/** The buyer's place in their queue now (null: not queued). */
export async function queuePlaceOf(app: AppContext, shopId: string, conversationId: string): Promise<number | null> {
  const conversation = await findConversation(app.storage.db, shopId, conversationId);
  return conversation?.status === 'open' && !conversation.assignee_id ? (conversation.queue_position ?? null) : null;
}
