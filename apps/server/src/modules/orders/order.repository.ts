import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export type OrderRow = Database['orders'];
export type OrderItemRow = Omit<Database['order_items'], 'id'> & { image_url: string | null };

/** A buyer's orders, newest first, with their items. */
export async function listBuyerOrders(db: Queryable, shopId: string, buyerId: string) {
  const orders = await db.selectFrom('orders').selectAll().where('shop_id', '=', shopId).where('buyer_id', '=', buyerId)
    .orderBy('placed_at', 'desc').execute();
  if (orders.length === 0) return [];
  const items = await db.selectFrom('order_items as i').leftJoin('products as p', 'p.id', 'i.product_id')
    .select(['i.order_id', 'i.product_id', 'i.title', 'i.sku_props', 'i.price_fen', 'i.quantity', 'p.image_url'])
    .where('i.order_id', 'in', orders.map((o) => o.id)).orderBy('i.id').execute();
  return orders.map((order) => ({ order, items: items.filter((i) => i.order_id === order.id) }));
}
