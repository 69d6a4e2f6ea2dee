import type { Queryable } from '../../platform/db/database.js';
import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export type BuyerRow = Selectable<Database['buyers']>;

export async function findBuyer(db: Queryable, shopId: string, id: string) {
  return db.selectFrom('buyers').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
}

export async function findBuyerByVisitor(db: Queryable, shopId: string, visitorId: string) {
  return db.selectFrom('buyers').selectAll().where('shop_id', '=', shopId).where('visitor_id', '=', visitorId).executeTakeFirst();
}

/** Creates the buyer unless a concurrent request already did; either way the stored row comes back. */
export async function insertBuyerIfAbsent(db: Queryable, row: Insertable<Database['buyers']>) {
  await db
    .insertInto('buyers')
    .values(row)
    .onConflict((oc) => oc.columns(['shop_id', 'visitor_id']).doNothing())
    .execute();
  return (await findBuyerByVisitor(db, row.shop_id, row.visitor_id))!;
}

export async function touchBuyer(db: Queryable, id: string, at: string) {
  await db.updateTable('buyers').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function findBuyerByExternalId(db: Queryable, shopId: string, externalId: string) {
  return db
    .selectFrom('buyers')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}
