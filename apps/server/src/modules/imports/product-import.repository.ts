import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

/** SQL of the product import, and the catalogue index the order import matches lines against. */

type ProductRow = Selectable<Database['products']>;
type SkuRow = Selectable<Database['product_skus']>;

/** Every product of the shop (id, title) and its SKUs: small enough to hold while an import runs. */
export async function loadCatalogue(db: Queryable, shopId: string) {
  const products = await db
    .selectFrom('products')
    .select(['id', 'title'])
    .where('shop_id', '=', shopId)
    .orderBy('created_at')
    .execute();
  const skus = await db.selectFrom('product_skus').select(['id', 'product_id', 'props']).where('shop_id', '=', shopId).execute();
  return { products, skus };
}

/** The shop's products with these titles, with their SKUs. */
export async function findProductsByTitle(db: Queryable, shopId: string, titles: string[]) {
  const found = new Map<string, { product: ProductRow; skus: SkuRow[] }>();
  if (titles.length === 0) return found;
  const products = await db
    .selectFrom('products')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('title', 'in', titles)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const skus = products.length
    ? await db
        .selectFrom('product_skus')
        .selectAll()
        .where(
          'product_id',
          'in',
          products.map((p) => p.id),
        )
        .orderBy('id')
        .execute()
    : [];
  for (const product of products) {
    if (!found.has(product.title)) found.set(product.title, { product, skus: skus.filter((s) => s.product_id === product.id) });
  }
  return found;
}

export async function insertProducts(db: Queryable, products: Insertable<Database['products']>[]) {
  if (products.length) await db.insertInto('products').values(products).execute();
}

export async function updateProduct(db: Queryable, id: string, changes: Updateable<Database['products']>) {
  await db.updateTable('products').set(changes).where('id', '=', id).execute();
}

export async function insertSkus(db: Queryable, skus: Insertable<Database['product_skus']>[]) {
  for (let i = 0; i < skus.length; i += 500)
    await db
      .insertInto('product_skus')
      .values(skus.slice(i, i + 500))
      .execute();
}

export async function updateSku(db: Queryable, id: string, changes: Pick<SkuRow, 'price_fen' | 'stock'>) {
  await db.updateTable('product_skus').set(changes).where('id', '=', id).execute();
}
