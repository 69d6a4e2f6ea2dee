import type { Message } from '@golddesk/contracts';
import { sql, type InsertObject, type Selectable, type Transaction } from 'kysely';
import { presentMessage } from './message.presenter.js';
import type { OutboxEvent } from '../../platform/events/outbox.js';
import type { Queryable } from '../../platform/db/database.js';
import { wordsForIndex } from '../../platform/db/full-text-search.js';
import type { Database } from '../../platform/db/schema.js';
import type { MessageOrigin } from '../../platform/events/domain-events.js';
import { recordEvents } from '../../platform/events/outbox.js';
import { moveConversation } from './conversation.state-machine.js';
import type { MessageRow } from './message.presenter.js';

/** Where storeMessageBatch lives, for the SQLite writer thread to load it. */
export const MESSAGE_REPOSITORY_MODULE = import.meta.url;

/** A message ready to store; seq is given out inside the batch transaction. */
export interface NewMessage {
  id: string;
  shopId: string;
  conversationId: string;
  sender: 'buyer' | 'agent' | 'bot' | 'system';
  agentId: string | null;
  kind: string;
  body: string;
  payload: string | null;
  clientMsgId: string | null;
  createdAt: string;
  /**
   * Not written when the conversation already has a message whose clientMsgId starts with `clientMsgIdPrefix` and
   * that was written after `since` (an automation's cooldown); checked under the conversation's lock.
   */
  unlessWrittenSince?: { clientMsgIdPrefix: string; since: string };
  /** Rows that commit with the message and only when it is new (e.g. the auto-reply hit that counts it). */
  companions?: CompanionRow[];
  /** Who caused it. Set: a live message, recorded in the outbox for webhooks and automation. Unset: history (seed). */
  origin?: MessageOrigin;
  /** From a blacklisted buyer: recorded as held, so no consumer tells the shop. */
  held?: boolean;
}

/** A row of another table written in the message's transaction; plain data, so it can reach the SQLite writer thread. */
export type CompanionRow = { [T in keyof Database]: { table: T; values: Database[T] } }[keyof Database];

export interface StoredMessage {
  row: MessageRow;
  /** The presented message, filled in after the commit so it is built once. */
  message?: Message;
  /**
   * false when nothing new was written: clientMsgId matched a message stored earlier, or (unlessWrittenSince) a
   * recent message of the same prefix holds this one back; `row` is that earlier message.
   */
  created: boolean;
  /** The conversation's waiting/assignee/status changed, so its summary should be re-announced. */
  conversationChanged: boolean;
  /** A buyer's message brought the conversation into the queue (new, or reopened after 结束): routing takes it. */
  arrived?: boolean;
}

/**
 * Stores a batch in the caller's transaction. Per conversation: lock the row, drop repeats of a
 * clientMsgId (also within the batch), give out consecutive seqs, and move the wait/assignee state.
 */
export async function storeMessageBatch(trx: Transaction<Database>, batch: NewMessage[]): Promise<StoredMessage[]> {
  if (batch.length === 0) return [];
  const results: (StoredMessage | undefined)[] = new Array(batch.length);
  const conversationIds = [...new Set(batch.map((m) => m.conversationId))].sort();

  // The no-op update takes the row lock on PostgreSQL, so seq and de-duplication are safe across processes.
  const conversations = await trx
    .updateTable('conversations')
    .set((eb) => ({ last_seq: eb.ref('last_seq') }))
    .where('id', 'in', conversationIds)
    .returningAll()
    .execute();
  const byId = new Map(conversations.map((c) => [c.id, { ...c, last_seq: Number(c.last_seq) }]));

  const known = new Map<string, MessageRow>();
  const pairs = [
    ...new Map(batch.filter((m) => m.clientMsgId).map((m) => [pairKey(m.conversationId, m.clientMsgId!), m])).values(),
  ];
  // Exact (conversation, clientMsgId) pairs: both columns of the unique index, so each is one index probe.
  for (const chunk of chunks(pairs, 200)) {
    const earlier = await trx
      .selectFrom('messages')
      .selectAll()
      .where((eb) =>
        eb.or(chunk.map((m) => eb.and([eb('conversation_id', '=', m.conversationId), eb('client_msg_id', '=', m.clientMsgId)]))),
      )
      .execute();
    for (const row of earlier) known.set(pairKey(row.conversation_id, row.client_msg_id!), row);
  }
  const recentBefore = await findRecentByPrefix(trx, batch);

  const rows: MessageRow[] = [];
  const companions: CompanionRow[] = [];
  const changed = new Set<string>();
  batch.forEach((message, index) => {
    const conversation = byId.get(message.conversationId);
    if (!conversation) throw new Error(`conversation ${message.conversationId} vanished`);
    const key = message.clientMsgId ? pairKey(message.conversationId, message.clientMsgId) : null;
    const repeat = key ? known.get(key) : undefined;
    const holdsBack = repeat ?? (message.unlessWrittenSince && (recentBefore.get(index) ?? recentInBatch(rows, message)));
    if (holdsBack) {
      results[index] = { row: holdsBack, created: false, conversationChanged: false };
      return;
    }
    conversation.last_seq += 1;
    const row: MessageRow = {
      id: message.id,
      shop_id: message.shopId,
      conversation_id: message.conversationId,
      seq: conversation.last_seq,
      sender: message.sender,
      agent_id: message.agentId,
      kind: message.kind,
      body: message.body,
      payload: message.payload,
      client_msg_id: message.clientMsgId,
      created_at: message.createdAt,
    };
    rows.push(row);
    companions.push(...(message.companions ?? []));
    if (key) known.set(key, row);
    conversation.last_message_id = row.id;
    conversation.updated_at = row.created_at;
    const unservedBefore = conversation.status === 'closed' || (!conversation.assignee_id && !conversation.waiting_since);
    if (moveConversationState(conversation, message)) changed.add(conversation.id);
    const arrived = message.sender === 'buyer' && unservedBefore && conversation.status === 'open' && !conversation.assignee_id;
    results[index] = { row, created: true, conversationChanged: false, ...(arrived ? { arrived } : {}) };
  });

  if (rows.length) {
    // Chunks keep each statement under SQLite's bound-parameter limit.
    for (const chunk of chunks(rows, 200)) await trx.insertInto('messages').values(chunk).execute();
    const searchable = rows.filter((r) => r.kind === 'text' || r.kind === 'product');
    for (const chunk of chunks(searchable, 300)) {
      await trx
        .insertInto('message_search')
        .values(
          chunk.map((r) => ({
            message_id: r.id,
            shop_id: r.shop_id,
            conversation_id: r.conversation_id,
            search_text: wordsForIndex(r.body),
          })),
        )
        .execute();
    }
    await insertCompanions(trx, companions);
    await recordEvents(trx, messageCreatedEvents(batch, results), rows[0]!.created_at);
  }
  const touched = [...byId.values()].filter((c) => rows.some((r) => r.conversation_id === c.id));
  for (const chunk of chunks(touched, 100)) await updateConversationsAfterBatch(trx, chunk);
  return results.map((r) => ({ ...r!, conversationChanged: r!.created && changed.has(r!.row.conversation_id) }));
}

/** For each message with `unlessWrittenSince`: the newest message of its prefix written since then, by batch index. */
async function findRecentByPrefix(trx: Transaction<Database>, batch: NewMessage[]): Promise<Map<number, MessageRow>> {
  const found = new Map<number, MessageRow>();
  for (const [index, message] of batch.entries()) {
    const quiet = message.unlessWrittenSince;
    if (!quiet) continue;
    // substr = prefix compares bytes alike on both dialects (a LIKE or range would follow the collation).
    const row = await trx
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', message.conversationId)
      .where(sql`substr(client_msg_id, 1, ${quiet.clientMsgIdPrefix.length})`, '=', quiet.clientMsgIdPrefix)
      .where('created_at', '>', quiet.since)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (row) found.set(index, row);
  }
  return found;
}

/** The same check against messages written earlier in this batch. */
function recentInBatch(rows: MessageRow[], message: NewMessage): MessageRow | undefined {
  const quiet = message.unlessWrittenSince!;
  return rows.find(
    (r) =>
      r.conversation_id === message.conversationId &&
      r.created_at > quiet.since &&
      (r.client_msg_id ?? '').startsWith(quiet.clientMsgIdPrefix),
  );
}

/** Companion rows, one INSERT per table and chunk. */
async function insertCompanions(trx: Transaction<Database>, companions: CompanionRow[]) {
  const byTable = new Map<keyof Database, CompanionRow[]>();
  for (const companion of companions) byTable.set(companion.table, [...(byTable.get(companion.table) ?? []), companion]);
  for (const [table, rows] of byTable) {
    for (const chunk of chunks(rows, 100))
      await insertRows(
        trx,
        table,
        chunk.map((row) => row.values as Database[typeof table]),
      );
  }
}

function insertRows<T extends keyof Database>(trx: Transaction<Database>, table: T, values: Database[T][]) {
  // A table's row type is its insert type (schema.ts has no generated columns); Kysely cannot see that for a generic T.
  return trx
    .insertInto(table)
    .values(values as unknown as InsertObject<Database, T>[])
    .execute();
}

/**
 * One statement for every conversation of the batch instead of one round trip each. Portable: a CTE of
 * VALUES joined with UPDATE … FROM works on SQLite (3.33+) and PostgreSQL; casts give the types.
 */
async function updateConversationsAfterBatch(trx: Transaction<Database>, conversations: Selectable<Database['conversations']>[]) {
  const values = sql.join(
    conversations.map(
      (c) =>
        sql`(${c.id}, ${c.last_seq}, ${c.last_message_id}, ${c.updated_at}, ${c.waiting_since}, ${c.assignee_id}, ${c.status})`,
    ),
  );
  await sql`WITH v (id, last_seq, last_message_id, updated_at, waiting_since, assignee_id, status) AS (VALUES ${values})
    UPDATE conversations SET last_seq = CAST(v.last_seq AS INTEGER), last_message_id = v.last_message_id,
      updated_at = v.updated_at, waiting_since = v.waiting_since, assignee_id = v.assignee_id, status = v.status
    FROM v WHERE conversations.id = v.id`.execute(trx);
}

/** Buyer writes: the wait starts (and a closed chat reopens). Agent writes: the wait ends and the agent takes it. */
function moveConversationState(conversation: Selectable<Database['conversations']>, message: NewMessage): boolean {
  const before = `${conversation.waiting_since}|${conversation.assignee_id}|${conversation.status}`;
  if (message.sender === 'buyer' || message.sender === 'agent') {
    // The conversation state machine decides (a buyer's message reopens a closed one in 待接待).
    const move = message.sender === 'buyer' ? 'buyer_wrote' : 'agent_wrote';
    Object.assign(conversation, moveConversation(conversation, move, { agentId: message.agentId, at: message.createdAt }));
  }
  return before !== `${conversation.waiting_since}|${conversation.assignee_id}|${conversation.status}`;
}

function pairKey(conversationId: string, clientMsgId: string) {
  return `${conversationId}\u0000${clientMsgId}`;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A page of history, ascending by seq. */
export async function listMessages(
  db: Queryable,
  conversationId: string,
  options: { afterSeq?: number; beforeSeq?: number; limit: number },
): Promise<{ rows: MessageRow[]; hasMore: boolean }> {
  let query = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
  if (options.beforeSeq !== undefined) {
    const rows = await query
      .where('seq', '<', options.beforeSeq)
      .orderBy('seq', 'desc')
      .limit(options.limit + 1)
      .execute();
    return { rows: rows.slice(0, options.limit).reverse(), hasMore: rows.length > options.limit };
  }
  if (options.afterSeq !== undefined) query = query.where('seq', '>', options.afterSeq);
  const rows = await query
    .orderBy('seq', 'asc')
    .limit(options.limit + 1)
    .execute();
  return { rows: rows.slice(0, options.limit), hasMore: rows.length > options.limit };
}

/** The newest page (what a chat window opens on), ascending. */
export async function listLatestMessages(db: Queryable, conversationId: string, limit: number) {
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  return { rows: rows.slice(0, limit).reverse(), hasMore: rows.length > limit };
}

export async function findMessagesByIds(db: Queryable, shopId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('messages').selectAll().where('shop_id', '=', shopId).where('id', 'in', ids).execute();
}

/** Whether the buyer is on the shop's blacklist (checked for each buyer message: a blacklisted buyer's messages are held). */
export async function isBuyerBlocked(db: Queryable, buyerId: string): Promise<boolean> {
  const row = await db.selectFrom('buyers').select('blocked_at').where('id', '=', buyerId).executeTakeFirst();
  return !!row?.blocked_at;
}

/** The newest buyer message of the conversation before `seq` (its time only); undefined when there is none. */
export async function findPreviousBuyerMessage(db: Queryable, conversationId: string, seq: number) {
  return db
    .selectFrom('messages')
    .select('created_at')
    .where('conversation_id', '=', conversationId)
    .where('sender', '=', 'buyer')
    .where('seq', '<', seq)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Whether an agent wrote in the conversation after message `seq`. */
export async function hasAgentMessageAfter(db: Queryable, conversationId: string, seq: number): Promise<boolean> {
  const row = await db
    .selectFrom('messages')
    .select('id')
    .where('conversation_id', '=', conversationId)
    .where('sender', '=', 'agent')
    .where('seq', '>', seq)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** The text of the buyer's last text message in the conversation ('' when they have written none). */
export async function findLastBuyerText(db: Queryable, shopId: string, conversationId: string): Promise<string> {
  const row = await db
    .selectFrom('messages')
    .select('body')
    .where('shop_id', '=', shopId)
    .where('conversation_id', '=', conversationId)
    .where('sender', '=', 'buyer')
    .where('kind', '=', 'text')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.body ?? '';
}

/**
 * The outbox events of a stored batch: `message.created` for each new message that has an origin (a live message;
 * history written without one, such as the demo seed, is news to nobody). Held messages are recorded too, marked
 * held, so every consumer applies the same rule as the live frame.
 */
export function messageCreatedEvents(batch: NewMessage[], results: (StoredMessage | undefined)[]): OutboxEvent[] {
  const events: OutboxEvent[] = [];
  batch.forEach((input, index) => {
    const stored = results[index];
    if (!input.origin || !stored?.created) return;
    const { row } = stored;
    events.push({
      type: 'message.created',
      shopId: row.shop_id,
      conversationId: row.conversation_id,
      message: presentMessage(row),
      origin: input.origin,
      ...(input.held ? { held: true } : {}),
    });
  });
  return events;
}
