import type { ConversationFilter, ConversationSort } from '@golddesk/contracts';
import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Selectable, Transaction } from 'kysely';
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

export async function insertConversation(db: Queryable, row: ConversationRow) {
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
  options: { filter: ConversationFilter; agentId: string; limit: number; sort?: ConversationSort },
): Promise<ConversationListRow[]> {
  // A widget that was opened but never written in is not a conversation an agent needs to see.
  let query = summaryQuery(db, shopId).where('c.last_seq', '>', 0);
  // Blacklisted buyers' conversations are held: listed under 客户 → 黑名单, not here.
  query = query.where('b.blocked_at', 'is', null);
  if (options.filter === 'waiting') {
    query = query.where('c.status', '=', 'open').where('c.assignee_id', 'is', null).where('c.waiting_since', 'is not', null);
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
