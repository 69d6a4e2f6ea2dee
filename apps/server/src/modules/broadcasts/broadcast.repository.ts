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
