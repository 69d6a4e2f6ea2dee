import type { Queryable } from '../../platform/db/database.js';
import type { FactOrder, InquiryRow } from './inquiry-facts.js';
import type { FactConversation, TurnRow } from './turn-facts.js';
import { ROLLUP_SUM_COLUMNS, type RollupRow } from './turn-rollups.js';

/** Writing the 绩效 facts: response turns and inquiries (the figures read them in measures.repository.ts). */

/** The buyer's orders that may bear on questions asked since `since` (placed or paid since a window before). */
export async function listFactOrders(db: Queryable, shopId: string, buyerId: string): Promise<FactOrder[]> {
  return db
    .selectFrom('orders')
    .select(['id', 'placed_at', 'paid_at', 'completed_at', 'closed_at', 'total_fen'])
    .where('shop_id', '=', shopId)
    .where('buyer_id', '=', buyerId)
    .execute();
}

/** Credits the buyer's inquiry of `day` to the agent who answered first, unless one was credited already. */
export async function creditInquiry(db: Queryable, shopId: string, buyerId: string, day: string, agentId: string): Promise<void> {
  await db
    .updateTable('inquiries')
    .set({ agent_id: agentId })
    .where('shop_id', '=', shopId)
    .where('buyer_id', '=', buyerId)
    .where('day', '=', day)
    .where('agent_id', 'is', null)
    .execute();
}

/** The buyer's inquiries whose conversion window may still be open on `sinceDay` or later. */
export async function listRecentInquiries(
  db: Queryable,
  shopId: string,
  buyerId: string,
  sinceDay: string,
): Promise<InquiryRow[]> {
  return db
    .selectFrom('inquiries')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('buyer_id', '=', buyerId)
    .where('day', '>=', sinceDay)
    .execute();
}

export async function updateInquiry(db: Queryable, id: string, set: Partial<InquiryRow>): Promise<void> {
  await db.updateTable('inquiries').set(set).where('id', '=', id).execute();
}

/** Forgets a shop's facts before they are rebuilt from the messages. */
export async function deleteShopFacts(db: Queryable, shopId: string): Promise<void> {
  await db.deleteFrom('response_turns').where('shop_id', '=', shopId).execute();
  await db.deleteFrom('turn_rollups').where('shop_id', '=', shopId).execute();
  await db.deleteFrom('inquiries').where('shop_id', '=', shopId).execute();
}

export async function insertTurns(db: Queryable, rows: TurnRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('response_turns')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function insertInquiries(db: Queryable, rows: InquiryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('inquiries')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** A page of a shop's conversations (by id) for a rebuild. */
export async function listConversationPage(db: Queryable, shopId: string, afterId: string, limit: number) {
  return db
    .selectFrom('conversations')
    .select(['id', 'buyer_id', 'assignee_id', 'group_key'])
    .where('shop_id', '=', shopId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The messages of these conversations as the facts read them, in order. */
export async function listFactMessages(db: Queryable, conversationIds: readonly string[]) {
  if (conversationIds.length === 0) return [];
  return db
    .selectFrom('messages')
    .select(['id', 'conversation_id', 'seq', 'sender', 'agent_id', 'client_msg_id', 'created_at'])
    .where('conversation_id', 'in', [...conversationIds])
    .orderBy('conversation_id')
    .orderBy('seq')
    .execute();
}

/** Who had each of these conversations when (routing's hand-overs), oldest first. */
export async function listAssignmentHistory(db: Queryable, conversationIds: readonly string[]) {
  if (conversationIds.length === 0) return [];
  return db
    .selectFrom('conversation_assignments')
    .select(['conversation_id', 'kind', 'agent_id', 'at'])
    .where('conversation_id', 'in', [...conversationIds])
    .orderBy('at')
    .execute();
}

/** Every order of these buyers (a rebuild settles their inquiries). */
export async function listOrdersOfBuyers(db: Queryable, shopId: string, buyerIds: readonly string[]) {
  if (buyerIds.length === 0) return [];
  return db
    .selectFrom('orders')
    .select(['id', 'buyer_id', 'placed_at', 'paid_at', 'completed_at', 'closed_at', 'total_fen'])
    .where('shop_id', '=', shopId)
    .where('buyer_id', 'in', [...buyerIds])
    .execute();
}

/** The buyer an order belongs to. */
export async function findOrderBuyer(db: Queryable, shopId: string, orderId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('orders')
    .select('buyer_id')
    .where('shop_id', '=', shopId)
    .where('id', '=', orderId)
    .executeTakeFirst();
  return row?.buyer_id;
}

/** Who each of these conversations is with now (a batch of facts reads them at once). */
export async function findFactConversations(
  db: Queryable,
  conversationIds: readonly string[],
): Promise<Map<string, FactConversation>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('conversations')
    .select(['id', 'shop_id', 'buyer_id', 'assignee_id', 'group_key'])
    .where('id', 'in', [...conversationIds])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { shopId: r.shop_id, conversationId: r.id, buyerId: r.buyer_id, assigneeId: r.assignee_id, groupKey: r.group_key ?? null },
    ]),
  );
}

/** Each conversation's latest turn, through the (conversation, started_at) index. */
export async function findLatestTurns(db: Queryable, conversationIds: readonly string[]): Promise<Map<string, TurnRow>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('response_turns as t')
    .selectAll('t')
    .where('t.conversation_id', 'in', [...conversationIds])
    .where((eb) =>
      eb(
        't.started_at',
        '=',
        eb
          .selectFrom('response_turns as x')
          .select((inner) => inner.fn.max('x.started_at').as('latest'))
          .whereRef('x.conversation_id', '=', 't.conversation_id'),
      ),
    )
    .execute();
  const latest = new Map<string, TurnRow>();
  for (const row of rows) {
    const known = latest.get(row.conversation_id);
    if (!known || Number(row.last_seq) > Number(known.last_seq)) latest.set(row.conversation_id, row);
  }
  return latest;
}

/** Writes new and changed turns in one statement (an existing id takes the row's new values). */
export async function upsertTurns(db: Queryable, rows: TurnRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('response_turns')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          agent_id: eb.ref('excluded.agent_id'),
          answer_message_id: eb.ref('excluded.answer_message_id'),
          answered_at: eb.ref('excluded.answered_at'),
          response_seconds: eb.ref('excluded.response_seconds'),
          bot_replied: eb.ref('excluded.bot_replied'),
          buyer_messages: eb.ref('excluded.buyer_messages'),
          agent_messages: eb.ref('excluded.agent_messages'),
          last_seq: eb.ref('excluded.last_seq'),
        })),
      )
      .execute();
  }
}

/** The shop's inquiries of these buyers on these days (a batch narrows to each buyer's own day in memory). */
export async function findInquiriesOf(
  db: Queryable,
  shopId: string,
  buyerIds: readonly string[],
  days: readonly string[],
): Promise<InquiryRow[]> {
  if (buyerIds.length === 0 || days.length === 0) return [];
  return db
    .selectFrom('inquiries')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('buyer_id', 'in', [...buyerIds])
    .where('day', 'in', [...days])
    .execute();
}

/** New inquiries in one statement; a buyer's day recorded meanwhile (another process) keeps its row. */
export async function insertNewInquiries(db: Queryable, rows: InquiryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('inquiries')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['shop_id', 'buyer_id', 'day']).doNothing())
      .execute();
  }
}

/** Adds the deltas to the rollup rows (a key seen for the first time starts from them). */
export async function addRollupDeltas(db: Queryable, rows: RollupRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300) {
    await db
      .insertInto('turn_rollups')
      .values(rows.slice(i, i + 300))
      .onConflict((oc) =>
        oc
          .columns(['shop_id', 'day', 'hour', 'agent_id', 'group_key'])
          .doUpdateSet((eb) =>
            Object.fromEntries(
              ROLLUP_SUM_COLUMNS.map((column) => [
                column,
                eb(eb.ref(`turn_rollups.${column}`), '+', eb.ref(`excluded.${column}`)),
              ]),
            ),
          ),
      )
      .execute();
  }
}
