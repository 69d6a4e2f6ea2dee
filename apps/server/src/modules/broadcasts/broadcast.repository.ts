import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export type BroadcastRow = Selectable<Database['broadcasts']>;
export type RecipientRow = Selectable<Database['broadcast_recipients']>;

export const MAX_BROADCASTS_LISTED = 100;
/** A broadcast reaches at most this many buyers (the snapshot stops there). */
export const MAX_RECIPIENTS = 50_000;
/** A reply within this long after the broadcast counts as "replied". */
export const REPLY_WINDOW_MS = 3 * 24 * 3600_000;

export async function findBroadcast(db: Queryable, shopId: string, id: string) {
  return db.selectFrom('broadcasts').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
}

export async function listBroadcasts(db: Queryable, shopId: string) {
  return db
    .selectFrom('broadcasts')
    .selectAll()
    .where('shop_id', '=', shopId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_BROADCASTS_LISTED)
    .execute();
}

/** Recipients by status and reason. */
export async function recipientCounts(db: Queryable, broadcastId: string) {
  const rows = await db
    .selectFrom('broadcast_recipients')
    .select(['status', 'reason', sql<number>`COUNT(*)`.as('n')])
    .where('broadcast_id', '=', broadcastId)
    .groupBy(['status', 'reason'])
    .execute();
  return rows.map((r) => ({ status: r.status, reason: r.reason, n: Number(r.n) }));
}

/** A sent message counts as read once the buyer's read position in the conversation reached its seq. */
const READ = sql<number>`CASE WHEN r.status = 'sent' AND c.buyer_read_seq >= r.message_seq THEN 1 ELSE 0 END`;
/** The buyer wrote in the conversation after the broadcast message, within REPLY_WINDOW_MS. */
const REPLIED = sql<number>`CASE WHEN r.status = 'sent' AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = r.conversation_id
  AND m.sender = 'buyer' AND m.seq > r.message_seq AND m.created_at <= r.reply_until) THEN 1 ELSE 0 END`;

export async function readAndReplied(db: Queryable, broadcastId: string) {
  const row = await db
    .selectFrom('broadcast_recipients as r')
    .leftJoin('conversations as c', 'c.id', 'r.conversation_id')
    .select([sql<number>`COALESCE(SUM(${READ}), 0)`.as('read'), sql<number>`COALESCE(SUM(${REPLIED}), 0)`.as('replied')])
    .where('r.broadcast_id', '=', broadcastId)
    .where('r.status', '=', 'sent')
    .executeTakeFirst();
  return { read: Number(row?.read ?? 0), replied: Number(row?.replied ?? 0) };
}

export async function listRecipients(
  db: Queryable,
  broadcastId: string,
  options: { status?: string; page: number; pageSize: number },
) {
  let base = db.selectFrom('broadcast_recipients as r').where('r.broadcast_id', '=', broadcastId);
  if (options.status) base = base.where('r.status', '=', options.status);
  const total = await base.select(sql<number>`COUNT(*)`.as('n')).executeTakeFirst();
  const rows = await base
    .innerJoin('buyers as b', 'b.id', 'r.buyer_id')
    .leftJoin('conversations as c', 'c.id', 'r.conversation_id')
    .select(['r.buyer_id', 'b.nick', 'r.status', 'r.reason', 'r.sent_at', READ.as('read'), REPLIED.as('replied')])
    .orderBy('r.id')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return { total: Number(total?.n ?? 0), rows };
}

/** Stores a new broadcast. */
export async function insertBroadcast(db: Queryable, row: BroadcastRow) {
  await db.insertInto('broadcasts').values(row).execute();
}

/** Changes a broadcast only while it is in `status`; false when it had moved on (or does not exist). */
export async function updateBroadcastInStatus(
  db: Queryable,
  id: string,
  status: string,
  changes: Partial<BroadcastRow>,
): Promise<boolean> {
  const result = await db
    .updateTable('broadcasts')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Keeps the filter a broadcast was sent with (the segment's as it was when sending began). */
export async function updateBroadcastFilter(db: Queryable, id: string, filterJson: string) {
  await db.updateTable('broadcasts').set({ filter_json: filterJson }).where('id', '=', id).execute();
}

/** Deletes a broadcast that is still a draft. */
export async function deleteDraftBroadcast(db: Queryable, id: string) {
  await db.deleteFrom('broadcasts').where('id', '=', id).where('status', '=', 'draft').execute();
}

/** A broadcast's status alone (undefined when it is gone). */
export async function findBroadcastStatus(db: Queryable, id: string) {
  return db.selectFrom('broadcasts').select('status').where('id', '=', id).executeTakeFirst();
}

/** Every scheduled or sending broadcast, with its shop's raw settings (for the quiet hours). */
export async function listActiveBroadcasts(db: Queryable) {
  return db
    .selectFrom('broadcasts as b')
    .innerJoin('shops as s', 's.id', 'b.shop_id')
    .select(['b.id', 'b.shop_id', 'b.status', 'b.scheduled_at', 's.settings'])
    .where('b.status', 'in', ['scheduled', 'sending'])
    .execute();
}

/** Writes recipient rows, 200 a statement; a buyer already in the broadcast is left as is. */
export async function insertRecipients(db: Queryable, rows: RecipientRow[]) {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('broadcast_recipients')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['broadcast_id', 'buyer_id']).doNothing())
      .execute();
  }
}

/** Marks every still pending recipient of the broadcast skipped with `reason`. */
export async function skipPendingRecipients(db: Queryable, broadcastId: string, reason: string) {
  await db
    .updateTable('broadcast_recipients')
    .set({ status: 'skipped', reason })
    .where('broadcast_id', '=', broadcastId)
    .where('status', '=', 'pending')
    .execute();
}

/** How many messages of the broadcast were sent after `since` (ISO), for the sliding-minute throttle. */
export async function countRecipientsSentSince(db: Queryable, broadcastId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('broadcast_recipients')
    .select(sql<number>`COUNT(*)`.as('n'))
    .where('broadcast_id', '=', broadcastId)
    .where('status', '=', 'sent')
    .where('sent_at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The next `limit` pending recipients of the broadcast, with the buyer's nick, in id order. */
export async function listPendingRecipients(db: Queryable, broadcastId: string, limit: number) {
  return db
    .selectFrom('broadcast_recipients as r')
    .innerJoin('buyers as b', 'b.id', 'r.buyer_id')
    .select(['r.id', 'r.buyer_id', 'b.nick'])
    .where('r.broadcast_id', '=', broadcastId)
    .where('r.status', '=', 'pending')
    .orderBy('r.id')
    .limit(limit)
    .execute();
}

/** Whether any recipient of the broadcast is still pending. */
export async function hasPendingRecipient(db: Queryable, broadcastId: string): Promise<boolean> {
  const left = await db
    .selectFrom('broadcast_recipients')
    .select('id')
    .where('broadcast_id', '=', broadcastId)
    .where('status', '=', 'pending')
    .limit(1)
    .executeTakeFirst();
  return !!left;
}

/** Moves a recipient on from pending (to sent or skipped); false when another process got there first. */
export async function claimPendingRecipient(db: Queryable, id: string, changes: Partial<RecipientRow>): Promise<boolean> {
  const claimed = await db
    .updateTable('broadcast_recipients')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** Links a sent recipient to the message it got. */
export async function setRecipientMessage(
  db: Queryable,
  id: string,
  message: Pick<RecipientRow, 'conversation_id' | 'message_id' | 'message_seq'>,
) {
  await db.updateTable('broadcast_recipients').set(message).where('id', '=', id).execute();
}

/** Which of the buyers opted out of marketing messages (asked 500 at a time). */
export async function listOptedOutBuyerIds(db: Queryable, buyerIds: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < buyerIds.length; i += 500) {
    const rows = await db
      .selectFrom('marketing_opt_outs')
      .select('buyer_id')
      .where('buyer_id', 'in', buyerIds.slice(i, i + 500))
      .execute();
    for (const row of rows) out.push(row.buyer_id);
  }
  return out;
}

/** Whether the buyer opted out of marketing messages. */
export async function isOptedOut(db: Queryable, buyerId: string): Promise<boolean> {
  const row = await db.selectFrom('marketing_opt_outs').select('buyer_id').where('buyer_id', '=', buyerId).executeTakeFirst();
  return !!row;
}

/** Opts the buyer out of marketing messages; returns 1 when this call did it, 0 when they already were. */
export async function insertOptOut(db: Queryable, row: Selectable<Database['marketing_opt_outs']>): Promise<number> {
  const result = await db
    .insertInto('marketing_opt_outs')
    .values(row)
    .onConflict((oc) => oc.column('buyer_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Opts the buyer back in; returns how many opt-outs were removed (0 or 1). */
export async function deleteOptOut(db: Queryable, buyerId: string): Promise<number> {
  return Number((await db.deleteFrom('marketing_opt_outs').where('buyer_id', '=', buyerId).executeTakeFirst()).numDeletedRows);
}
