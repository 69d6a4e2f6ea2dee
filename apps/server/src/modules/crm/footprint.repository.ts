import type { Footprint } from '@golddesk/contracts';
import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';

export async function insertProductView(db: Queryable, row: { shopId: string; buyerId: string; productId: string; at: string }) {
  await db
    .insertInto('product_views')
    .values({
      id: newId(),
      shop_id: row.shopId,
      buyer_id: row.buyerId,
      product_id: row.productId,
      viewed_at: row.at,
    })
    .execute();
}

/** When the buyer last viewed this product (to fold a burst of reloads into one view). */
export async function lastViewOf(db: Queryable, buyerId: string, productId: string) {
  const row = await db
    .selectFrom('product_views')
    .select('viewed_at')
    .where('buyer_id', '=', buyerId)
    .where('product_id', '=', productId)
    .orderBy('viewed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.viewed_at;
}

/** Distinct products the buyer viewed, most recent first, with how often. */
export async function listFootprints(db: Queryable, shopId: string, buyerId: string, limit: number): Promise<Footprint[]> {
  const rows = await db
    .selectFrom('product_views as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .select([
      'p.id',
      'p.title',
      'p.price_fen',
      'p.image_url',
      sql<string>`MAX(v.viewed_at)`.as('viewed_at'),
      sql<number>`COUNT(*)`.as('views'),
    ])
    .where('v.shop_id', '=', shopId)
    .where('v.buyer_id', '=', buyerId)
    .groupBy(['p.id', 'p.title', 'p.price_fen', 'p.image_url'])
    .orderBy(sql`MAX(v.viewed_at)`, 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    productId: r.id,
    title: r.title,
    priceFen: Number(r.price_fen),
    imageUrl: r.image_url,
    viewedAt: r.viewed_at,
    views: Number(r.views),
  }));
}
