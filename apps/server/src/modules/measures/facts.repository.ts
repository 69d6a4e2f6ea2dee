import type { Queryable } from '../../platform/db/database.js';
import type { FactOrder, InquiryRow } from './inquiry-facts.js';
import type { FactConversation, TurnChange, TurnRow } from './turn-facts.js';

/** Writing the 绩效 facts: response turns and inquiries (the figures read them in measures.repository.ts). */

/** Who the conversation is with now: its buyer, assignee and routing group. */
export async function findFactConversation(
  db: Queryable,
  shopId: string,
  conversationId: string,
): Promise<FactConversation | undefined> {
  const row = await db
    .selectFrom('conversations')
    .select(['buyer_id', 'assignee_id', 'group_key'])
    .where('shop_id', '=', shopId)
    .where('id', '=', conversationId)
    .executeTakeFirst();
  return row && { shopId, conversationId, buyerId: row.buyer_id, assigneeId: row.assignee_id, groupKey: row.group_key ?? null };
}

/** The conversation's latest turn. */
export async function findLatestTurn(db: Queryable, conversationId: string): Promise<TurnRow | undefined> {
  return db
    .selectFrom('response_turns')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('started_at', 'desc')
    .orderBy('last_seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function writeTurnChange(db: Queryable, change: TurnChange): Promise<void> {
  if ('insert' in change) await db.insertInto('response_turns').values(change.insert).execute();
  else await db.updateTable('response_turns').set(change.update.set).where('id', '=', change.update.id).execute();
}

/** The buyer's orders that may bear on questions asked since `since` (placed or paid since a window before). */
export async function listFactOrders(db: Queryable, shopId: string, buyerId: string): Promise<FactOrder[]> {
  return db
    .selectFrom('orders')
    .select(['id', 'placed_at', 'paid_at', 'completed_at', 'closed_at', 'total_fen'])
    .where('shop_id', '=', shopId)
    .where('buyer_id', '=', buyerId)
    .execute();
}

export async function findInquiry(db: Queryable, shopId: string, buyerId: string, day: string): Promise<InquiryRow | undefined> {
  return db
    .selectFrom('inquiries')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('buyer_id', '=', buyerId)
    .where('day', '=', day)
    .executeTakeFirst();
}

/** Records the inquiry unless the buyer's inquiry of that day is there already (two conversations, one buyer). */
export async function insertInquiry(db: Queryable, row: InquiryRow): Promise<void> {
  await db
    .insertInto('inquiries')
    .values(row)
    .onConflict((oc) => oc.columns(['shop_id', 'buyer_id', 'day']).doNothing())
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
