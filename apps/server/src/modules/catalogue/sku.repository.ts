import type { Insertable, Updateable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

/** One SKU of one product in the shop (an order line may only switch to a SKU of its own product). */
export async function findSkuOfProduct(db: Queryable, shopId: string, productId: string, skuId: string) {
  return db
    .selectFrom('product_skus')
    .selectAll()
    .where('id', '=', skuId)
    .where('product_id', '=', productId)
    .where('shop_id', '=', shopId)
    .executeTakeFirst();
}

/** Stores new SKU rows in one statement. */
export async function insertSkus(db: Queryable, rows: Insertable<Database['product_skus']>[]) {
  await db.insertInto('product_skus').values(rows).execute();
}

/** Changes a shop's SKU's props, price or stock (the columns in `changes`). */
export async function updateShopSku(db: Queryable, shopId: string, skuId: string, changes: Updateable<Database['product_skus']>) {
  await db.updateTable('product_skus').set(changes).where('id', '=', skuId).where('shop_id', '=', shopId).execute();
}

/** Deletes a shop's SKU. */
export async function deleteShopSku(db: Queryable, shopId: string, skuId: string) {
  await db.deleteFrom('product_skus').where('id', '=', skuId).where('shop_id', '=', shopId).execute();
}
