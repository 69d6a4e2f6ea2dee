import { PAID_ORDER_STATUSES, type SegmentFilter } from '@golddesk/contracts';
import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';

const DAY_MS = 86_400_000;
const PAID = sql.join(PAID_ORDER_STATUSES.map((s) => sql.lit(s)));

export interface ListCustomersOptions {
  /** "Now" for silentDays: the app clock, so tests can fix it. */
  now: Date;
  sort: 'last_order' | 'spent' | 'orders' | 'recent';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Per buyer: paid orders, paid total and when the last order (any state) was placed. */
function orderStats(db: Queryable, shopId: string) {
  return db
    .selectFrom('orders')
    .select([
      'buyer_id',
      sql<number>`SUM(CASE WHEN status IN (${PAID}) THEN 1 ELSE 0 END)`.as('paid_count'),
      sql<number>`SUM(CASE WHEN status IN (${PAID}) THEN total_fen ELSE 0 END)`.as('spent_fen'),
      sql<string>`MAX(placed_at)`.as('last_order_at'),
    ])
    .where('shop_id', '=', shopId)
    .groupBy('buyer_id');
}

/** The shop's buyers that match every field of the filter. */
function filtered(db: Queryable, shopId: string, filter: SegmentFilter, now: Date) {
  let query = db
    .selectFrom('buyers as b')
    .leftJoin(orderStats(db, shopId).as('s'), 's.buyer_id', 'b.id')
    .where('b.shop_id', '=', shopId);
  const tagIds = filter.tagIds ?? [];
  if (tagIds.length > 0) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('buyer_tags as bt').select('bt.tag_id').whereRef('bt.buyer_id', '=', 'b.id').where('bt.tag_id', 'in', tagIds),
      ),
    );
  }
  if (filter.vipMin !== undefined) query = query.where('b.vip_level', '>=', filter.vipMin);
  if (filter.customerType) query = query.where('b.customer_type', '=', filter.customerType);
  if (filter.orderCountMin !== undefined) query = query.where(sql<number>`COALESCE(s.paid_count, 0)`, '>=', filter.orderCountMin);
  if (filter.orderCountMax !== undefined) query = query.where(sql<number>`COALESCE(s.paid_count, 0)`, '<=', filter.orderCountMax);
  if (filter.spentMinFen !== undefined) query = query.where(sql<number>`COALESCE(s.spent_fen, 0)`, '>=', filter.spentMinFen);
  if (filter.silentDays !== undefined) {
    query = query.where('s.last_order_at', '<', new Date(now.getTime() - filter.silentDays * DAY_MS).toISOString());
  }
  if (filter.blocked === true) query = query.where('b.blocked_at', 'is not', null);
  if (filter.blocked === false) query = query.where('b.blocked_at', 'is', null);
  if (filter.province) query = query.where('b.province', '=', filter.province);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`b.nick LIKE ${pattern} ESCAPE '\\'`);
  }
  return query;
}

/** A page of the buyers matching the filter, with their order stats and held-message counts. */
export async function listCustomerRows(db: Queryable, shopId: string, filter: SegmentFilter, options: ListCustomersOptions) {
  const base = filtered(db, shopId, filter, options.now);
  const totalRow = await base.select(sql<number>`COUNT(*)`.as('n')).executeTakeFirst();
  const sortKey = {
    last_order: sql`s.last_order_at`,
    spent: sql`COALESCE(s.spent_fen, 0)`,
    orders: sql`COALESCE(s.paid_count, 0)`,
    recent: sql`b.last_seen_at`,
  }[options.sort];
  const rows = await base
    .select([
      'b.id',
      'b.nick',
      'b.vip_level',
      'b.province',
      'b.customer_type',
      'b.blocked_at',
      sql<number | null>`s.paid_count`.as('paid_count'),
      sql<number | null>`s.spent_fen`.as('spent_fen'),
      sql<string | null>`s.last_order_at`.as('last_order_at'),
      sql<number>`CASE WHEN b.blocked_at IS NULL THEN 0 ELSE (SELECT COUNT(*) FROM messages m
        INNER JOIN conversations c ON c.id = m.conversation_id
        WHERE c.buyer_id = b.id AND m.sender = 'buyer' AND m.created_at >= b.blocked_at) END`.as('held_messages'),
      sql<string | null>`(SELECT c.id FROM conversations c WHERE c.shop_id = b.shop_id AND c.buyer_id = b.id)`.as(
        'conversation_id',
      ),
    ])
    // Buyers without the value (no orders, never seen) go last either way, on both databases.
    .orderBy(sql`CASE WHEN ${sortKey} IS NULL THEN 1 ELSE 0 END`)
    .orderBy(sortKey, options.order)
    .orderBy('b.id')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return {
    total: Number(totalRow?.n ?? 0),
    rows: rows.map((r) => ({
      ...r,
      vip_level: Number(r.vip_level),
      paid_count: Number(r.paid_count ?? 0),
      spent_fen: Number(r.spent_fen ?? 0),
      held_messages: Number(r.held_messages),
    })),
  };
}

/** Every matching buyer's id with its blacklist state (for broadcasts: the segment's members now). */
export async function listMatchingBuyers(db: Queryable, shopId: string, filter: SegmentFilter, now: Date, limit: number) {
  const rows = await filtered(db, shopId, filter, now).select(['b.id', 'b.blocked_at']).orderBy('b.id').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, blocked: r.blocked_at !== null && r.blocked_at !== undefined }));
}
