import type { AppContext } from '../../platform/app-context.js';
import { findConversation } from '../conversations/index.js';
import {
  countQueuedAhead,
  countRoutedSince,
  listQueued,
  listStaleQueuePlaces,
  placeInQueue,
  setQueuePosition,
} from './routing.repository.js';

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

/**
 * A buyer who just joined the back of a queue learns their place: one count of those ahead, not a pass over the whole
 * queue (a rush of arrivals changes nobody else's place; departures do, and refresh them all).
 */
export async function tellPlaceAtBack(app: AppContext, shopId: string, conversationId: string): Promise<void> {
  const db = app.storage.db;
  const conversation = await findConversation(db, shopId, conversationId);
  if (!conversation || conversation.status !== 'open' || conversation.assignee_id || !conversation.waiting_since) return;
  const group = conversation.group_key ?? null;
  const position =
    (await countQueuedAhead(db, shopId, { id: conversationId, group, waitingSince: conversation.waiting_since })) + 1;
  if (!(await setQueuePosition(db, conversationId, position))) return;
  await announcePlace(app, shopId, conversationId, group, position);
}

/** A buyer joining the back of their group's queue. */
interface QueueJoin {
  shopId: string;
  conversationId: string;
  group: string;
  entry: string;
}

const joiners = new WeakMap<AppContext, { pending: { join: QueueJoin; done: () => void }[]; flushing: boolean }>();

/**
 * A buyer nobody in the group has room for joins the back of its queue: their group, entry and place are written, then
 * they are told their place. Joins arriving together share one transaction (one commit), so a rush of arrivals does
 * not cost the main connection a commit each.
 */
export function joinQueue(app: AppContext, join: QueueJoin): Promise<void> {
  let joiner = joiners.get(app);
  if (!joiner) joiners.set(app, (joiner = { pending: [], flushing: false }));
  const state = joiner;
  return new Promise<void>((resolve) => {
    state.pending.push({ join, done: resolve });
    if (!state.flushing) {
      state.flushing = true;
      setImmediate(() => void flushJoins(app, state));
    }
  });
}

async function flushJoins(app: AppContext, state: { pending: { join: QueueJoin; done: () => void }[]; flushing: boolean }) {
  while (state.pending.length > 0) {
    const batch = state.pending.splice(0);
    let placed: { join: QueueJoin; position: number }[] = [];
    try {
      placed = await app.storage.db.transaction().execute(async (trx) => {
        const done: { join: QueueJoin; position: number }[] = [];
        for (const { join } of batch) {
          const conversation = await findConversation(trx, join.shopId, join.conversationId);
          if (!conversation || conversation.status !== 'open' || conversation.assignee_id || !conversation.waiting_since)
            continue;
          const ahead = await countQueuedAhead(trx, join.shopId, {
            id: join.conversationId,
            group: join.group,
            waitingSince: conversation.waiting_since,
          });
          if (await placeInQueue(trx, join.conversationId, { group: join.group, entry: join.entry, position: ahead + 1 })) {
            done.push({ join, position: ahead + 1 });
          }
        }
        return done;
      });
    } catch (err) {
      app.log.warn({ err }, 'buyers could not join their queue (the sweep places them)');
    }
    for (const { join, position } of placed) {
      await announcePlace(app, join.shopId, join.conversationId, join.group, position).catch(() => undefined);
    }
    for (const { done } of batch) done();
  }
  state.flushing = false;
}

async function announcePlace(app: AppContext, shopId: string, conversationId: string, group: string | null, position: number) {
  const pace = group ? await takesPerSecond(app, shopId, group) : 0;
  const etaSeconds = pace > 0 ? Math.round(position / pace) : undefined;
  app.bus.publish({
    type: 'queue.position_changed',
    shopId,
    conversationId,
    position,
    ...(etaSeconds !== undefined ? { etaSeconds } : {}),
  });
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
