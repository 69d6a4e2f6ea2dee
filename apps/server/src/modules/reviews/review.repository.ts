import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export type ReviewRow = Selectable<Database['reviews']>;
/** A review with its buyer, chat, follow-up task and the order's cases, as the page shows it. */
export type ReviewRecord = ReviewRow & {
  buyer_nick: string | null;
  conversation_id: string | null;
  task_status: string | null;
  task_due_at: string | null;
  case_ids: string[];
};

/** Stores a review once per marketplace id; `created` is false when it was already there (a retried import or event). */
export async function insertReviewOnce(db: Queryable, row: Insertable<Database['reviews']>) {
  const result = await db
    .insertInto('reviews')
    .values(row)
    .onConflict((oc) => oc.columns(['shop_id', 'external_id']).doNothing())
    .executeTakeFirst();
  const created = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  const stored = (await db
    .selectFrom('reviews')
    .selectAll()
    .where('shop_id', '=', row.shop_id)
    .where('external_id', '=', row.external_id)
    .executeTakeFirst())!;
  return { created, row: stored };
}

export async function updateReview(db: Queryable, id: string, changes: Updateable<Database['reviews']>) {
  await db.updateTable('reviews').set(changes).where('id', '=', id).execute();
}

/** The order a review names, with its buyer (null when the order is not in GoldDesk). */
export async function findReviewedOrder(db: Queryable, shopId: string, orderNo: string) {
  return db
    .selectFrom('orders as o')
    .innerJoin('buyers as b', 'b.id', 'o.buyer_id')
    .select(['o.id', 'o.buyer_id', 'b.nick'])
    .where('o.shop_id', '=', shopId)
    .where('o.order_no', '=', orderNo)
    .executeTakeFirst();
}

export interface ReviewFilter {
  ratingAtMost?: number;
  ratingAtLeast?: number;
  followUp?: 'open' | 'done';
  orderId?: string;
  buyerId?: string;
  id?: string;
  taskId?: string;
}

/** The shop's reviews, newest first, with what the page links to. */
export async function listReviewRecords(
  db: Queryable,
  shopId: string,
  filter: ReviewFilter,
  limit: number,
): Promise<ReviewRecord[]> {
  let query = db
    .selectFrom('reviews as r')
    .leftJoin('buyers as b', 'b.id', 'r.buyer_id')
    .leftJoin('conversations as c', (join) => join.onRef('c.buyer_id', '=', 'r.buyer_id').onRef('c.shop_id', '=', 'r.shop_id'))
    .leftJoin('tasks as t', 't.id', 'r.task_id')
    .selectAll('r')
    .select(['b.nick as buyer_nick', 'c.id as conversation_id', 't.status as task_status', 't.due_at as task_due_at'])
    .where('r.shop_id', '=', shopId);
  if (filter.id) query = query.where('r.id', '=', filter.id);
  if (filter.taskId) query = query.where('r.task_id', '=', filter.taskId);
  if (filter.ratingAtMost) query = query.where('r.rating', '<=', filter.ratingAtMost);
  if (filter.ratingAtLeast) query = query.where('r.rating', '>=', filter.ratingAtLeast);
  if (filter.orderId) query = query.where('r.order_id', '=', filter.orderId);
  if (filter.buyerId) query = query.where('r.buyer_id', '=', filter.buyerId);
  if (filter.followUp === 'open') query = query.where('r.task_id', 'is not', null).where('r.outcome', 'is', null);
  if (filter.followUp === 'done') query = query.where('r.outcome', 'is not', null);
  const rows = await query.orderBy('r.reviewed_at', 'desc').limit(limit).execute();
  const orderIds = [...new Set(rows.flatMap((r) => (r.order_id ? [r.order_id] : [])))];
  const cases = orderIds.length
    ? await db.selectFrom('cases').select(['id', 'order_id']).where('order_id', 'in', orderIds).orderBy('created_at').execute()
    : [];
  return rows.map((r) => ({ ...r, case_ids: cases.filter((c) => c.order_id === r.order_id).map((c) => c.id) }));
}

/** Reviews received since `from` (ISO), for the weekly figures. */
export async function listReviewsSince(db: Queryable, shopId: string, from: string) {
  return db
    .selectFrom('reviews')
    .select(['rating', 'reviewed_at', 'task_id', 'outcome'])
    .where('shop_id', '=', shopId)
    .where('reviewed_at', '>=', from)
    .execute();
}
