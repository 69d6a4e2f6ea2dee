import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

/** Batch SQL of the order import: buyers by nick, orders by 订单号, many rows per statement. */

export type NewOrder = Insertable<Database['orders']>;
export type NewOrderItem = Insertable<Database['order_items']>;

// Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
const INSERT_CHUNK = 400;

async function chunked<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await write(rows.slice(i, i + INSERT_CHUNK));
}

/**
 * nick → buyer id among the buyers the shop vouched for (imported, synced, signed in); when several share a nick, the
 * oldest. A widget visitor names themselves, so a visitor calling themselves 小鹿乱撞 never receives her orders.
 */
export async function findBuyerIdsByNick(db: Queryable, shopId: string, nicks: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (nicks.length === 0) return found;
  const rows = await db
    .selectFrom('buyers')
    .select(['id', 'nick'])
    .where('shop_id', '=', shopId)
    .where('nick', 'in', nicks)
    .where('identity_source', 'is not', null)
    .where('identity_source', '<>', 'visitor')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const row of rows) if (!found.has(row.nick)) found.set(row.nick, row.id);
  return found;
}

/** Creates buyers unless another import already did (same visitor id), then reads back every id. */
export async function insertBuyersIfAbsent(
  db: Queryable,
  shopId: string,
  rows: Insertable<Database['buyers']>[],
): Promise<Map<string, string>> {
  await chunked(rows, (chunk) =>
    db
      .insertInto('buyers')
      .values(chunk)
      .onConflict((oc) => oc.columns(['shop_id', 'visitor_id']).doNothing())
      .execute(),
  );
  const stored = new Map<string, string>();
  if (rows.length === 0) return stored;
  const found = await db
    .selectFrom('buyers')
    .select(['id', 'nick'])
    .where('shop_id', '=', shopId)
    .where(
      'visitor_id',
      'in',
      rows.map((r) => r.visitor_id),
    )
    .execute();
  for (const row of found) stored.set(row.nick, row.id);
  return stored;
}

export interface ExistingOrder {
  order: Selectable<Database['orders']>;
  items: Selectable<Database['order_items']>[];
}

/** The shop's orders with these numbers, with their items in line order. */
export async function findOrdersByNo(db: Queryable, shopId: string, orderNos: string[]): Promise<Map<string, ExistingOrder>> {
  const found = new Map<string, ExistingOrder>();
  if (orderNos.length === 0) return found;
  const orders = await db
    .selectFrom('orders')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('order_no', 'in', orderNos)
    .execute();
  if (orders.length === 0) return found;
  const items = await db
    .selectFrom('order_items')
    .selectAll()
    .where(
      'order_id',
      'in',
      orders.map((o) => o.id),
    )
    .orderBy('id')
    .execute();
  const byOrder = new Map(orders.map((order) => [order.id, { order, items: [] as Selectable<Database['order_items']>[] }]));
  for (const item of items) byOrder.get(item.order_id)?.items.push(item);
  for (const entry of byOrder.values()) found.set(entry.order.order_no, entry);
  return found;
}

export async function insertOrders(db: Queryable, orders: NewOrder[], items: NewOrderItem[]) {
  await chunked(orders, (chunk) => db.insertInto('orders').values(chunk).execute());
  await chunked(items, (chunk) => db.insertInto('order_items').values(chunk).execute());
}

/** Rewrites an order the file changed: its fields, and its lines replaced. */
export async function replaceOrder(
  db: Queryable,
  orderId: string,
  changes: Updateable<Database['orders']>,
  items: NewOrderItem[],
) {
  await db.updateTable('orders').set(changes).where('id', '=', orderId).execute();
  await db.deleteFrom('order_items').where('order_id', '=', orderId).execute();
  await chunked(items, (chunk) => db.insertInto('order_items').values(chunk).execute());
}
