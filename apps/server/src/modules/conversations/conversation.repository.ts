import type { ConversationFilter, ConversationSort } from '@golddesk/contracts';
import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { ExpressionBuilder, Insertable, Selectable, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';

export type ConversationRow = Selectable<Database['conversations']>;

/** A conversation with what its summary shows: buyer, assignee, last message and unread count. */
export interface ConversationListRow extends ConversationRow {
  buyer_nick: string;
  buyer_identity_source: string | null;
  assignee_name: string | null;
  unread_count: number;
  lm_id: string | null;
  lm_seq: number | null;
  lm_sender: string | null;
  lm_agent_id: string | null;
  lm_kind: string | null;
  lm_body: string | null;
  lm_payload: string | null;
  lm_client_msg_id: string | null;
  lm_created_at: string | null;
  /** The buyer's last message (bm_*), null when the buyer never wrote. */
  bm_id: string | null;
  bm_seq: number | null;
  bm_kind: string | null;
  bm_body: string | null;
  bm_payload: string | null;
  bm_client_msg_id: string | null;
  bm_created_at: string | null;
}

export async function findConversation(db: Queryable, shopId: string, id: string) {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).where('shop_id', '=', shopId).executeTakeFirst();
}

export async function findConversationByBuyer(db: Queryable, shopId: string, buyerId: string) {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('buyer_id', '=', buyerId)
    .executeTakeFirst();
}

export async function insertConversation(db: Queryable, row: Insertable<Database['conversations']>) {
  await db
    .insertInto('conversations')
    .values(row)
    .onConflict((oc) => oc.columns(['shop_id', 'buyer_id']).doNothing())
    .execute();
}

/** The buyer's conversation with the shop, created (empty, open) if they never wrote. */
export async function ensureBuyerConversation(
  db: Queryable,
  shopId: string,
  buyerId: string,
  now: string,
): Promise<ConversationRow> {
  const existing = await findConversationByBuyer(db, shopId, buyerId);
  if (existing) return existing;
  await insertConversation(db, {
    id: newId(),
    shop_id: shopId,
    buyer_id: buyerId,
    status: 'open',
    assignee_id: null,
    last_seq: 0,
    last_message_id: null,
    waiting_since: null,
    agent_read_seq: 0,
    buyer_read_seq: 0,
    created_at: now,
    updated_at: now,
  });
  return (await findConversationByBuyer(db, shopId, buyerId))!;
}

/**
 * The conversation, held until the transaction ends so a state move is decided on what it will overwrite (the no-op
 * update takes the row lock on PostgreSQL, as storing a message does; SQLite has one writer).
 */
export async function lockConversation(
  trx: Transaction<Database>,
  shopId: string,
  id: string,
): Promise<ConversationRow | undefined> {
  return trx
    .updateTable('conversations')
    .set((eb) => ({ last_seq: eb.ref('last_seq') }))
    .where('id', '=', id)
    .where('shop_id', '=', shopId)
    .returningAll()
    .executeTakeFirst();
}

export async function updateConversation(db: Queryable, id: string, changes: Partial<ConversationRow>) {
  await db.updateTable('conversations').set(changes).where('id', '=', id).execute();
}

function summaryQuery(db: Queryable, shopId: string) {
  return (
    db
      .selectFrom('conversations as c')
      .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
      .leftJoin('agents as a', 'a.id', 'c.assignee_id')
      .leftJoin('messages as m', 'm.id', 'c.last_message_id')
      // The newest buyer message: one backwards probe of the (conversation_id, seq) index per row.
      .leftJoin('messages as bm', (join) =>
        join.on((eb) =>
          eb(
            'bm.id',
            '=',
            eb
              .selectFrom('messages as q')
              .select('q.id')
              .whereRef('q.conversation_id', '=', 'c.id')
              .where('q.sender', '=', 'buyer')
              .orderBy('q.seq', 'desc')
              .limit(1),
          ),
        ),
      )
      .selectAll('c')
      .select([
        'b.nick as buyer_nick',
        'b.identity_source as buyer_identity_source',
        'a.name as assignee_name',
        'm.id as lm_id',
        'm.seq as lm_seq',
        'm.sender as lm_sender',
        'm.agent_id as lm_agent_id',
        'm.kind as lm_kind',
        'm.body as lm_body',
        'm.payload as lm_payload',
        'm.client_msg_id as lm_client_msg_id',
        'm.created_at as lm_created_at',
        'bm.id as bm_id',
        'bm.seq as bm_seq',
        'bm.kind as bm_kind',
        'bm.body as bm_body',
        'bm.payload as bm_payload',
        'bm.client_msg_id as bm_client_msg_id',
        'bm.created_at as bm_created_at',
        sql<number>`(SELECT COUNT(*) FROM messages u WHERE u.conversation_id = c.id
        AND u.sender = 'buyer' AND u.seq > c.agent_read_seq)`.as('unread_count'),
      ])
      .where('c.shop_id', '=', shopId)
  );
}

export async function listConversationSummaries(
  db: Queryable,
  shopId: string,
  options: {
    filter: ConversationFilter;
    agentId: string;
    limit: number;
    sort?: ConversationSort;
    /** Only this routing group's buyers. */
    group?: string;
    /** Without 查看全部会话: only the caller's own buyers and those nobody serves. */
    ownAndUnservedOnly?: boolean;
  },
): Promise<ConversationListRow[]> {
  // A widget that was opened but never written in is not a conversation an agent needs to see.
  let query = summaryQuery(db, shopId).where('c.last_seq', '>', 0);
  // Blacklisted buyers' conversations are held: listed under 客户 → 黑名单, not here.
  query = query.where('b.blocked_at', 'is', null);
  if (options.group) query = query.where('c.group_key', '=', options.group);
  if (options.ownAndUnservedOnly) {
    query = query.where((eb) => eb.or([eb('c.assignee_id', '=', options.agentId), eb('c.assignee_id', 'is', null)]));
  }
  if (options.filter === 'waiting') {
    query = query.where(inWaitingQueue);
  } else if (options.filter === 'mine') {
    query = query.where('c.status', '=', 'open').where('c.assignee_id', '=', options.agentId);
  }
  query =
    options.sort === 'waiting'
      ? // Longest wait first; buyers not waiting after them (IS NULL sorts the same on SQLite and PostgreSQL).
        query
          .orderBy(sql`c.waiting_since IS NULL`)
          .orderBy('c.waiting_since')
          .orderBy('c.updated_at', 'desc')
      : query.orderBy('c.updated_at', 'desc');
  const rows = await query.orderBy('c.id').limit(options.limit).execute();
  return rows.map(normaliseCount);
}

export async function findConversationSummaries(db: Queryable, shopId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await summaryQuery(db, shopId).where('c.id', 'in', ids).execute();
  return rows.map(normaliseCount);
}

// PostgreSQL returns COUNT(*) as a string (bigint).
function normaliseCount<T extends { unread_count: number | string }>(row: T): T & { unread_count: number } {
  return { ...row, unread_count: Number(row.unread_count) };
}

/** The nick of the buyer of the shop's conversation; undefined when there is no such conversation. */
export async function findConversationBuyerNick(db: Queryable, shopId: string, conversationId: string) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
    .select('b.nick')
    .where('c.id', '=', conversationId)
    .where('c.shop_id', '=', shopId)
    .executeTakeFirst();
}

type QueueScope = ExpressionBuilder<{ c: Database['conversations']; b: Database['buyers'] }, 'c' | 'b'>;

/**
 * The 待接待 queue as agents see it, written once: open, nobody assigned, waiting for an answer, with a message,
 * and the buyer not blacklisted. Needs the conversation as `c` and its buyer as `b`.
 */
function inWaitingQueue(eb: QueueScope) {
  return eb.and([
    eb('c.status', '=', 'open'),
    eb('c.assignee_id', 'is', null),
    eb('c.waiting_since', 'is not', null),
    eb('c.last_seq', '>', 0),
    eb('b.blocked_at', 'is', null),
  ]);
}

/**
 * The 待接待 queue as agents see it (open, unassigned, waiting, written in, buyer not blacklisted — the same
 * conversations as listConversationSummaries' 'waiting' filter): how many, and since when the longest has waited.
 */
export async function summariseWaitingQueue(
  db: Queryable,
  shopId: string,
): Promise<{ waiting: number; oldestWaitingSince: string | null }> {
  const row = await db
    .selectFrom('conversations as c')
    .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('c.waiting_since').as('oldest')])
    .where('c.shop_id', '=', shopId)
    .where(inWaitingQueue)
    .executeTakeFirst();
  return { waiting: Number(row?.n ?? 0), oldestWaitingSince: (row?.oldest as string | null | undefined) ?? null };
}

/** Which of these conversation ids are the shop's. */
export async function listShopConversationIds(db: Queryable, shopId: string, ids: string[]): Promise<string[]> {
  const rows = await db.selectFrom('conversations').select('id').where('shop_id', '=', shopId).where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

/** Which of these conversations belong to a blacklisted buyer. */
export async function listConversationIdsOfBlockedBuyers(db: Queryable, conversationIds: string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('conversations as c')
    .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
    .select('c.id')
    .where('c.id', 'in', conversationIds)
    .where('b.blocked_at', 'is not', null)
    .execute();
  return rows.map((r) => r.id);
}

/** Whose a conversation is (shop and buyer) by id alone, before the caller's shop is known to match. */
export async function findConversationParties(db: Queryable, conversationId: string) {
  return db.selectFrom('conversations').select(['shop_id', 'buyer_id']).where('id', '=', conversationId).executeTakeFirst();
}

/** The buyer (id and nick) of each of these conversations, for lists that show who wrote. */
export async function listConversationBuyers(db: Queryable, conversationIds: readonly string[]) {
  if (conversationIds.length === 0) return [];
  return db
    .selectFrom('conversations as c')
    .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
    .select(['c.id', 'b.id as buyer_id', 'b.nick'])
    .where('c.id', 'in', conversationIds)
    .execute();
}

export type AssignmentRow = Database['conversation_assignments'];

/** One event of who had the buyer when (routed, taken, transferred, reassigned, …), kept for the measures. */
export async function insertAssignment(db: Queryable, row: AssignmentRow) {
  await db.insertInto('conversation_assignments').values(row).execute();
}
