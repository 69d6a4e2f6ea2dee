import type { Queryable } from '../../platform/db/database.js';
import type { Selectable } from 'kysely';
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
