import type { ProductCard } from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';
import type { Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export type ProductRow = Selectable<Database['products']>;
export type SkuRow = Selectable<Database['product_skus']>;

export async function listProductsWithSkus(db: Queryable, shopId: string) {
  const products = await db.selectFrom('products').selectAll().where('shop_id', '=', shopId)
    .orderBy('created_at').orderBy('id').execute();
  const skus = await db.selectFrom('product_skus').selectAll().where('shop_id', '=', shopId).orderBy('id').execute();
  const byProduct = new Map<string, SkuRow[]>();
  for (const sku of skus) byProduct.set(sku.product_id, [...(byProduct.get(sku.product_id) ?? []), sku]);
  return products.map((product) => ({ product, skus: byProduct.get(product.id) ?? [] }));
}

/** What a product card in chat shows, or undefined when the product is not this shop's. */
export async function findProductCard(db: Queryable, shopId: string, productId: string): Promise<ProductCard | undefined> {
  const row = await db.selectFrom('products').select(['id', 'title', 'price_fen', 'image_url'])
    .where('id', '=', productId).where('shop_id', '=', shopId).executeTakeFirst();
  if (!row) return undefined;
  return { productId: row.id, title: row.title, priceFen: Number(row.price_fen), imageUrl: row.image_url, url: null };
}
