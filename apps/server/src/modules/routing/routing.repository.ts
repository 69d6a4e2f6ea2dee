import { sql, type Transaction } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

/** An agent as routing weighs them. */
export interface RoutingAgentRow {
  id: string;
  name: string;
  role: string;
  status: string | null;
  capacity: number | null;
  routing_weight: number | null;
  groups_json: string | null;
  last_routed_at: string | null;
  left_at: string | null;
}

/** The shop's enabled agents with what routing needs. */
export async function listRoutingAgents(db: Queryable, shopId: string): Promise<RoutingAgentRow[]> {
  return db
    .selectFrom('agents')
    .select(['id', 'name', 'role', 'status', 'capacity', 'routing_weight', 'groups_json', 'last_routed_at', 'left_at'])
    .where('shop_id', '=', shopId)
    .where('disabled_at', 'is', null)
    .orderBy('id')
    .execute();
}

/**
 * Buyers each of these agents serves now (open conversations assigned to them): read through the (assignee, status)
 * index, so it costs the agents' buyers, not the shop's conversations.
 */
export async function countOpenLoads(db: Queryable, agentIds: readonly string[]): Promise<Map<string, number>> {
  if (agentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('conversations')
    .select((eb) => ['assignee_id', eb.fn.countAll<number>().as('n')])
    .where('assignee_id', 'in', [...agentIds])
    .where('status', '=', 'open')
    .groupBy('assignee_id')
    .execute();
  return new Map(rows.map((r) => [r.assignee_id!, Number(r.n)]));
}

/**
 * Holds the agent's row until the transaction ends (the no-op update is a row lock on PostgreSQL and the write lock
 * on SQLite), then counts their open buyers: two processes giving this agent a buyer at once take turns here, so
 * neither pushes them past capacity.
 */
export async function lockAgentLoad(
  trx: Transaction<Database>,
  agentId: string,
): Promise<{ capacity: number | null; load: number } | undefined> {
  const agent = await trx
    .updateTable('agents')
    .set((eb) => ({ last_routed_at: eb.ref('last_routed_at') }))
    .where('id', '=', agentId)
    .where('disabled_at', 'is', null)
    .returning(['capacity'])
    .executeTakeFirst();
  if (!agent) return undefined;
  const row = await trx
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('assignee_id', '=', agentId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return { capacity: agent.capacity, load: Number(row?.n ?? 0) };
}

/**
 * Gives an unserved open conversation to the agent; false when someone else got it first (the condition is checked
 * by the update itself, so two processes never both succeed).
 */
export async function claimConversation(
  trx: Transaction<Database>,
  change: {
    shopId: string;
    conversationId: string;
    agentId: string;
    group: string | null;
    at: string;
    handoffJson?: string | null;
  },
): Promise<boolean> {
  const result = await trx
    .updateTable('conversations')
    .set({
      assignee_id: change.agentId,
      assigned_at: change.at,
      group_key: change.group,
      queue_position: null,
      ...(change.handoffJson !== undefined ? { handoff_json: change.handoffJson } : {}),
    })
    .where('id', '=', change.conversationId)
    .where('shop_id', '=', change.shopId)
    .where('status', '=', 'open')
    .where('assignee_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Moves a conversation from `fromAgentId` to `toAgentId` (a transfer or a take-over); false when it is no longer
 * theirs (closed, or moved meanwhile).
 */
export async function moveAssignee(
  trx: Transaction<Database>,
  change: {
    shopId: string;
    conversationId: string;
    fromAgentId: string | null;
    toAgentId: string | null;
    group: string | null;
    at: string;
    handoffJson: string | null;
    /** Only if the current assignment began then (reassignment must not undo a newer one). */
    assignedAt?: string;
  },
): Promise<boolean> {
  let query = trx
    .updateTable('conversations')
    .set({
      assignee_id: change.toAgentId,
      assigned_at: change.toAgentId ? change.at : null,
      group_key: change.group,
      handoff_json: change.handoffJson,
    })
    .where('id', '=', change.conversationId)
    .where('shop_id', '=', change.shopId)
    .where('status', '=', 'open');
  query = change.fromAgentId ? query.where('assignee_id', '=', change.fromAgentId) : query.where('assignee_id', 'is', null);
  if (change.assignedAt) query = query.where('assigned_at', '=', change.assignedAt);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Sets the group of an unserved conversation (the rules decided it), and where the buyer came from when known. */
export async function setConversationGroup(db: Queryable, conversationId: string, group: string, entry?: string): Promise<void> {
  await db
    .updateTable('conversations')
    .set({ group_key: group, ...(entry ? { entry_kind: entry } : {}) })
    .where('id', '=', conversationId)
    .where('assignee_id', 'is', null)
    .execute();
}

/** Routing gave the agent a buyer now (round robin's turn order). */
export async function touchLastRouted(trx: Transaction<Database>, agentId: string, at: string) {
  await trx.updateTable('agents').set({ last_routed_at: at }).where('id', '=', agentId).execute();
}

/** The agent who last had the buyer since `since`, if any (sticky routing). */
export async function findLastAgentSince(db: Queryable, conversationId: string, since: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('conversation_assignments')
    .select('agent_id')
    .where('conversation_id', '=', conversationId)
    .where('agent_id', 'is not', null)
    .where('kind', 'in', ['routed', 'taken', 'transferred', 'reassigned', 'taken_over'])
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.agent_id ?? undefined;
}

/** A buyer waiting in a queue: open, unserved, waiting for an answer, written in, not blacklisted. */
export interface QueuedRow {
  id: string;
  buyer_id: string;
  group_key: string | null;
  waiting_since: string;
  queue_position: number | null;
}

/** The shop's queued buyers, longest wait first; `groups` narrows to those groups (null: unrouted ones too). */
/**
 * Buyers of the shop waiting for an answer, in one place: open, waiting since a buyer message nobody answered,
 * written in, not blacklisted (the same rule as 待接待). Served or not; callers narrow it.
 */
function waitingBuyers(db: Queryable, shopId: string) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
    .where('c.shop_id', '=', shopId)
    .where('c.status', '=', 'open')
    .where('c.waiting_since', 'is not', null)
    .where('c.last_seq', '>', 0)
    .where('b.blocked_at', 'is', null);
}

export async function listQueued(db: Queryable, shopId: string, groups?: readonly string[]): Promise<QueuedRow[]> {
  let query = waitingBuyers(db, shopId)
    .select(['c.id', 'c.buyer_id', 'c.group_key', 'c.waiting_since', 'c.queue_position'])
    .where('c.assignee_id', 'is', null);
  if (groups) query = query.where('c.group_key', 'in', groups.length ? [...groups] : ['']);
  const rows = await query.orderBy('c.waiting_since').orderBy('c.id').execute();
  return rows as QueuedRow[];
}

/** Tells whether the place changed: only the process that changed it announces it. */
export async function setQueuePosition(db: Queryable, conversationId: string, position: number | null): Promise<boolean> {
  let query = db.updateTable('conversations').set({ queue_position: position }).where('id', '=', conversationId);
  query =
    position === null
      ? query.where('queue_position', 'is not', null)
      : query.where((eb) => eb.or([eb('queue_position', 'is', null), eb('queue_position', '<>', position)]));
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Conversations that still carry a queue place but are no longer queued (served, closed, blacklisted). */
export async function listStaleQueuePlaces(db: Queryable, shopId: string, queuedIds: readonly string[]): Promise<string[]> {
  let query = db.selectFrom('conversations').select('id').where('shop_id', '=', shopId).where('queue_position', 'is not', null);
  if (queuedIds.length) query = query.where('id', 'not in', [...queuedIds]);
  return (await query.execute()).map((r) => r.id);
}

/** How many buyers the group's agents took off its queue (or straight in) since `since`: the pace for estimates. */
export async function countRoutedSince(db: Queryable, shopId: string, group: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('conversation_assignments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('shop_id', '=', shopId)
    .where('group_key', '=', group)
    .where('kind', 'in', ['routed', 'taken', 'taken_over'])
    .where('at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Assigned buyers still waiting for their agent's first reply since before `assignedBefore`: the buyer's wait began
 * no later than the assignment (an agent's reply clears waiting_since), and the assignment is old enough.
 */
export async function listUnansweredAssignments(db: Queryable, shopId: string, assignedBefore: string) {
  return db
    .selectFrom('conversations')
    .select(['id', 'assignee_id', 'group_key', 'assigned_at', 'waiting_since'])
    .where('shop_id', '=', shopId)
    .where('status', '=', 'open')
    .where('assignee_id', 'is not', null)
    .where('assigned_at', 'is not', null)
    .where('assigned_at', '<=', assignedBefore)
    .where('waiting_since', 'is not', null)
    .where(sql<boolean>`waiting_since <= assigned_at`)
    .orderBy('assigned_at')
    .limit(200)
    .execute();
}

/** Stores the agent's routing fields. */
export async function updateAgentRouting(
  db: Queryable,
  agentId: string,
  changes: { capacity?: number; routing_weight?: number; groups_json?: string },
) {
  await db.updateTable('agents').set(changes).where('id', '=', agentId).execute();
}

/** Buyers of the shop waiting for an answer since before `since` (queued or assigned), for nudges and alerts. */
export async function listLongWaits(db: Queryable, shopId: string, since: string) {
  return waitingBuyers(db, shopId)
    .select(['c.id', 'c.assignee_id', 'c.assigned_at', 'c.waiting_since', 'c.nudged_for', 'c.alerted_for'])
    .where('c.waiting_since', '<=', since)
    .orderBy('c.waiting_since')
    .limit(500)
    .execute();
}

/** Marks the wait as told about (`nudged_for` or `alerted_for`); false when it already was. */
export async function markWaitTold(
  db: Queryable,
  conversationId: string,
  column: 'nudged_for' | 'alerted_for',
  waitingSince: string,
): Promise<boolean> {
  const result = await db
    .updateTable('conversations')
    .set({ [column]: waitingSince })
    .where('id', '=', conversationId)
    .where((eb) => eb.or([eb(column, 'is', null), eb(column, '<>', waitingSince)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Shops that may have routing work: someone waits unanswered or is queued. */
export async function listShopsWithWaitingBuyers(db: Queryable): Promise<string[]> {
  const rows = await db
    .selectFrom('conversations')
    .select('shop_id')
    .distinct()
    .where('status', '=', 'open')
    .where('waiting_since', 'is not', null)
    .execute();
  return rows.map((r) => r.shop_id);
}

/** Open buyers waiting for an answer (queued or assigned), with their nick, for the monitor. */
export async function listWaitingBuyers(db: Queryable, shopId: string) {
  return waitingBuyers(db, shopId)
    .select(['c.id', 'c.buyer_id', 'b.nick', 'c.assignee_id', 'c.group_key', 'c.waiting_since', 'c.queue_position'])
    .orderBy('c.waiting_since')
    .limit(1000)
    .execute();
}

/** Whether the buyer viewed a product page since `since` (the widget reports views: 浏览足迹). */
export async function viewedProductSince(db: Queryable, shopId: string, buyerId: string, since: string): Promise<boolean> {
  const row = await db
    .selectFrom('product_views')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('buyer_id', '=', buyerId)
    .where('viewed_at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** Agents of the shop with a live sign-in session now (not signed out, not expired). */
export async function listSignedInAgents(db: Queryable, shopId: string, now: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('agent_sessions')
    .select('agent_id')
    .distinct()
    .where('shop_id', '=', shopId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
  return new Set(rows.map((r) => r.agent_id));
}

/** How many queued buyers of the group are ahead of this one (waiting longer; ties by id). */
export async function countQueuedAhead(
  db: Queryable,
  shopId: string,
  conversation: { id: string; group: string | null; waitingSince: string },
): Promise<number> {
  const { id, group, waitingSince } = conversation;
  // On the queue index alone (no join): a rush of arrivals counts index entries. A blacklisted buyer is never routed,
  // so has no group; closed conversations have no wait.
  const row = await db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('shop_id', '=', shopId)
    .where('assignee_id', 'is', null)
    .where('group_key', group === null ? 'is' : '=', group)
    .where('status', '=', 'open')
    .where((eb) =>
      eb.or([eb('waiting_since', '<', waitingSince), eb.and([eb('waiting_since', '=', waitingSince), eb('id', '<', id)])]),
    )
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** An unserved conversation's group, entry and place in its queue, in one write; false when it was served meanwhile. */
export async function placeInQueue(
  db: Queryable,
  conversationId: string,
  place: { group: string; entry: string; position: number },
): Promise<boolean> {
  const result = await db
    .updateTable('conversations')
    .set({ group_key: place.group, entry_kind: place.entry, queue_position: place.position })
    .where('id', '=', conversationId)
    .where('assignee_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
