import type { Insertable, Updateable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

/** SQL of the demo seed: plain inserts into an empty shop, in the seed's transaction. */

type New<T extends keyof Database> = Insertable<Database[T]>;

/** Stores a demo product. */
export async function insertDemoProduct(db: Queryable, row: New<'products'>) {
  await db.insertInto('products').values(row).execute();
}

/** Stores a demo product's SKUs. */
export async function insertDemoSkus(db: Queryable, rows: New<'product_skus'>[]) {
  await db.insertInto('product_skus').values(rows).execute();
}

/** Stores demo related-product links. */
export async function insertDemoProductRelations(db: Queryable, rows: New<'product_relations'>[]) {
  await db.insertInto('product_relations').values(rows).execute();
}

/** Stores a demo bundle with its items. */
export async function insertDemoBundle(db: Queryable, bundle: New<'bundles'>, items: New<'bundle_items'>[]) {
  await db.insertInto('bundles').values(bundle).execute();
  await db.insertInto('bundle_items').values(items).execute();
}

/** Stores a demo buyer. */
export async function insertDemoBuyer(db: Queryable, row: New<'buyers'>) {
  await db.insertInto('buyers').values(row).execute();
}

/** Stores a demo order with its items. */
export async function insertDemoOrder(db: Queryable, order: New<'orders'>, items: New<'order_items'>[]) {
  await db.insertInto('orders').values(order).execute();
  await db.insertInto('order_items').values(items).execute();
}

/** Stores a demo conversation (empty; its history is stored through the message writer's seed function). */
export async function insertDemoConversation(db: Queryable, row: New<'conversations'>) {
  await db.insertInto('conversations').values(row).execute();
}

/** Sets a demo conversation's read marks, waiting time and status once its history is stored. */
export async function updateDemoConversation(
  db: Queryable,
  conversationId: string,
  changes: Pick<Updateable<Database['conversations']>, 'agent_read_seq' | 'buyer_read_seq' | 'waiting_since' | 'status'>,
) {
  await db.updateTable('conversations').set(changes).where('id', '=', conversationId).execute();
}

/** Stores a demo customer tag. */
export async function insertDemoCustomerTag(db: Queryable, row: New<'customer_tags'>) {
  await db.insertInto('customer_tags').values(row).execute();
}

/** Puts a tag on a demo buyer. */
export async function insertDemoBuyerTag(db: Queryable, row: New<'buyer_tags'>) {
  await db.insertInto('buyer_tags').values(row).execute();
}

/** Sets a demo buyer's customer type, who set it and when. */
export async function setDemoCustomerType(db: Queryable, buyerId: string, type: string, setBy: string, setAt: string) {
  await db
    .updateTable('buyers')
    .set({ customer_type: type, customer_type_set_by: setBy, customer_type_set_at: setAt })
    .where('id', '=', buyerId)
    .execute();
}

/** Stores a note on a demo buyer. */
export async function insertDemoBuyerNote(db: Queryable, row: New<'buyer_notes'>) {
  await db.insertInto('buyer_notes').values(row).execute();
}

/** Stores demo saved segments. */
export async function insertDemoSegments(db: Queryable, rows: New<'segments'>[]) {
  await db.insertInto('segments').values(rows).execute();
}

/** Stores a demo browsing footprint. */
export async function insertDemoProductView(db: Queryable, row: New<'product_views'>) {
  await db.insertInto('product_views').values(row).execute();
}

/** Stores the demo shop's courier rules. */
export async function insertDemoCourierRules(db: Queryable, rows: New<'courier_rules'>[]) {
  await db.insertInto('courier_rules').values(rows).execute();
}

/** The demo shop's shipped, signed and completed orders with their buyer's visitor id and city, by order number. */
export async function listDemoShippedOrders(db: Queryable, shopId: string) {
  return db
    .selectFrom('orders as o')
    .innerJoin('buyers as b', 'b.id', 'o.buyer_id')
    .select(['o.id', 'o.status', 'o.carrier', 'o.tracking_no', 'o.shipped_at', 'o.signed_at', 'b.visitor_id', 'b.city'])
    .where('o.shop_id', '=', shopId)
    .where('o.status', 'in', ['shipped', 'signed', 'completed'])
    .orderBy('o.order_no')
    .execute();
}

/** Moves a demo order's placed, paid and shipped times (parcels on the way shipped lately). */
export async function setDemoOrderTimes(
  db: Queryable,
  orderId: string,
  times: { placed_at: string; paid_at: string; shipped_at: string },
) {
  await db.updateTable('orders').set(times).where('id', '=', orderId).execute();
}

/** Stores a demo parcel's tracking timeline. */
export async function insertDemoTrackingEvents(db: Queryable, rows: New<'tracking_events'>[]) {
  await db.insertInto('tracking_events').values(rows).execute();
}

/** Stores the demo's past satisfaction ratings (满意度). */
export async function insertDemoRatings(db: Queryable, rows: New<'satisfaction_ratings'>[]) {
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('satisfaction_ratings')
      .values(rows.slice(i, i + 100))
      .execute();
  }
}

/** Stores the demo agents' past working hours (在线 / 忙碌 periods, all ended). */
export async function insertDemoStatusPeriods(db: Queryable, rows: New<'agent_status_periods'>[]) {
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('agent_status_periods')
      .values(rows.slice(i, i + 100))
      .execute();
  }
}
