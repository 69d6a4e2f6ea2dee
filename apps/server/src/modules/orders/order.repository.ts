import type { Queryable } from '../../platform/db/database.js';
import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export type OrderRow = Selectable<Database['orders']>;
export type OrderItemRow = Omit<Selectable<Database['order_items']>, 'id'> & {
  id: number;
  image_url: string | null;
  weight_g?: number | null;
};
export interface OrderWithItems {
  order: OrderRow;
  items: OrderItemRow[];
}

async function itemsOf(db: Queryable, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return db
    .selectFrom('order_items as i')
    .leftJoin('products as p', 'p.id', 'i.product_id')
    .select([
      'i.id',
      'i.order_id',
      'i.product_id',
      'i.sku_id',
      'i.title',
      'i.sku_props',
      'i.price_fen',
      'i.quantity',
      'p.image_url',
      'p.weight_g',
    ])
    .where('i.order_id', 'in', orderIds)
    .orderBy('i.id')
    .execute();
}

/** A buyer's orders, newest first, with their items. */
export async function listBuyerOrders(db: Queryable, shopId: string, buyerId: string): Promise<OrderWithItems[]> {
  const orders = await db
    .selectFrom('orders')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('buyer_id', '=', buyerId)
    .orderBy('placed_at', 'desc')
    .execute();
  const items = await itemsOf(
    db,
    orders.map((o) => o.id),
  );
  return orders.map((order) => ({ order, items: items.filter((i) => i.order_id === order.id) }));
}

export async function findOrderWithItems(db: Queryable, shopId: string, orderId: string): Promise<OrderWithItems | undefined> {
  const order = await db
    .selectFrom('orders')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!order) return undefined;
  return { order, items: await itemsOf(db, [order.id]) };
}

export async function updateOrder(db: Queryable, orderId: string, changes: Partial<OrderRow>) {
  await db.updateTable('orders').set(changes).where('id', '=', orderId).execute();
}

export async function updateOrderItem(
  db: Queryable,
  itemId: number,
  changes: Partial<Omit<Selectable<Database['order_items']>, 'id'>>,
) {
  await db.updateTable('order_items').set(changes).where('id', '=', itemId).execute();
}

/** The products a buyer ordered (orders not closed), most recent order first, each once. */
export async function listOrderedProductIds(db: Queryable, shopId: string, buyerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('order_items as i')
    .innerJoin('orders as o', 'o.id', 'i.order_id')
    .select(['i.product_id', 'o.placed_at'])
    .where('o.shop_id', '=', shopId)
    .where('o.buyer_id', '=', buyerId)
    .where('o.status', '!=', 'closed')
    .where('i.product_id', '!=', '')
    .orderBy('o.placed_at', 'desc')
    .execute();
  return [...new Set(rows.map((r) => r.product_id))];
}

/** An order's status alone (for rules that only need to know where it stands). */
export async function findOrderStatus(db: Queryable, shopId: string, orderId: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'status'])
    .where('shop_id', '=', shopId)
    .where('id', '=', orderId)
    .executeTakeFirst();
}

/** The shop's order with this 订单号 (the store's order number), if synced. */
export async function findOrderByNo(db: Queryable, shopId: string, orderNo: string) {
  return db.selectFrom('orders').selectAll().where('shop_id', '=', shopId).where('order_no', '=', orderNo).executeTakeFirst();
}

/** Stores a new order with its lines. */
export async function insertOrderWithItems(
  db: Queryable,
  order: Insertable<Database['orders']>,
  items: Insertable<Database['order_items']>[],
) {
  await db.insertInto('orders').values(order).execute();
  await db.insertInto('order_items').values(items).execute();
}

/** Replaces an order's lines with `items`. */
export async function replaceOrderItems(db: Queryable, orderId: string, items: Insertable<Database['order_items']>[]) {
  await db.deleteFrom('order_items').where('order_id', '=', orderId).execute();
  await db.insertInto('order_items').values(items).execute();
}

/** The shop's order with what a 催付 follow-up is decided on: its buyer's VIP level and blacklist mark, the shop's settings. */
export async function findOrderWithBuyerAndShopSettings(db: Queryable, shopId: string, orderId: string) {
  return db
    .selectFrom('orders as o')
    .innerJoin('buyers as b', 'b.id', 'o.buyer_id')
    .innerJoin('shops as s', 's.id', 'o.shop_id')
    .select(['o.id', 'o.status', 'o.total_fen', 'o.buyer_id', 'b.vip_level', 'b.blocked_at', 's.settings'])
    .where('o.shop_id', '=', shopId)
    .where('o.id', '=', orderId)
    .executeTakeFirst();
}

/** The shop's unpaid orders placed at or after `since` (ISO): id, buyer and when placed. */
export async function listUnpaidOrdersPlacedSince(db: Queryable, shopId: string, since: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'buyer_id', 'placed_at'])
    .where('shop_id', '=', shopId)
    .where('status', '=', 'pending_payment')
    .where('placed_at', '>=', since)
    .execute();
}
