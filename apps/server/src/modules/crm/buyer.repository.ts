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

/** Creates the buyer unless it conflicts with a stored one on any unique key (visitor id, external id). */
export async function insertBuyerUnlessConflict(db: Queryable, row: Insertable<Database['buyers']>) {
  await db
    .insertInto('buyers')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
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

/** The shop's buyers not blacklisted whose visitor id starts with `prefix`, by visitor id (demo seeding). */
export async function listUnblockedBuyersByVisitorPrefix(db: Queryable, shopId: string, prefix: string) {
  return db
    .selectFrom('buyers')
    .select(['id', 'nick', 'phone', 'province'])
    .where('shop_id', '=', shopId)
    .where('visitor_id', 'like', `${prefix}%`)
    .where('blocked_at', 'is', null)
    .orderBy('visitor_id')
    .execute();
}
