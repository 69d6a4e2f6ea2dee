import type { Queryable } from '../../platform/db/database.js';

/** A buyer the demo seed made, by the visitor id it gave them (demo-buyer-001 …); never a visitor, an import or a synced customer. */
export async function findDemoBuyer(db: Queryable, shopId: string, visitorId: string) {
  return db
    .selectFrom('buyers')
    .select(['id', 'nick', 'external_id'])
    .where('shop_id', '=', shopId)
    .where('visitor_id', '=', visitorId)
    .where('identity_source', '=', 'demo')
    .executeTakeFirst();
}

/** Demo shops seeded before buyers had customer ids get one on first use; a set id is never changed. */
export async function giveDemoBuyerExternalId(db: Queryable, buyerId: string, externalId: string) {
  await db
    .updateTable('buyers')
    .set({ external_id: externalId })
    .where('id', '=', buyerId)
    .where('external_id', 'is', null)
    .execute();
  const row = await db.selectFrom('buyers').select('external_id').where('id', '=', buyerId).executeTakeFirstOrThrow();
  return row.external_id!;
}
