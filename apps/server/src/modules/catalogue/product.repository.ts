import type { ProductCard } from '@golddesk/contracts';
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export type ProductRow = Selectable<Database['products']>;
export type SkuRow = Selectable<Database['product_skus']>;
export type ProductWithSkus = { product: ProductRow; skus: SkuRow[] };

async function attachSkus(db: Queryable, shopId: string, products: ProductRow[]): Promise<ProductWithSkus[]> {
  if (products.length === 0) return [];
  const skus = await db
    .selectFrom('product_skus')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where(
      'product_id',
      'in',
      products.map((p) => p.id),
    )
    .orderBy('id')
    .execute();
  const byProduct = new Map<string, SkuRow[]>();
  for (const sku of skus) byProduct.set(sku.product_id, [...(byProduct.get(sku.product_id) ?? []), sku]);
  return products.map((product) => ({ product, skus: byProduct.get(product.id) ?? [] }));
}

/** Where a page of the public catalogue continues: after this product in (created_at, id) order. */
export interface ProductPosition {
  createdAt: string;
  id: string;
}

/** One page of the shop page's catalogue: products on sale (archived ones left out), oldest first. */
export async function listProductsPage(db: Queryable, shopId: string, page: { limit: number; after?: ProductPosition }) {
  const { after } = page;
  let query = db.selectFrom('products').selectAll().where('shop_id', '=', shopId).where('archived_at', 'is', null);
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('created_at', '>', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)])]),
    );
  }
  const rows = await query
    .orderBy('created_at')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute();
  return { products: await attachSkus(db, shopId, rows.slice(0, page.limit)), hasMore: rows.length > page.limit };
}

export interface ProductSearch {
  q?: string;
  category?: string;
  archived: 'exclude' | 'include' | 'only';
  page: number;
  pageSize: number;
}

/** One page of the admin list, newest first, with the total that matches. */
export async function searchProducts(db: Queryable, shopId: string, search: ProductSearch) {
  let query = db.selectFrom('products').where('shop_id', '=', shopId);
  if (search.q) {
    const pattern = `%${search.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`lower(title) like ${pattern} escape '\\'`);
  }
  if (search.category) query = query.where('category', '=', search.category);
  if (search.archived === 'exclude') query = query.where('archived_at', 'is', null);
  if (search.archived === 'only') query = query.where('archived_at', 'is not', null);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize)
    .execute();
  return { products: await attachSkus(db, shopId, rows), total: Number(total) };
}

export async function listCategories(db: Queryable, shopId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('products')
    .select('category')
    .distinct()
    .where('shop_id', '=', shopId)
    .orderBy('category')
    .execute();
  return rows.map((r) => r.category);
}

export async function findProduct(db: Queryable, shopId: string, productId: string): Promise<ProductWithSkus | undefined> {
  const product = await db
    .selectFrom('products')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', productId)
    .executeTakeFirst();
  return product ? (await attachSkus(db, shopId, [product]))[0] : undefined;
}

/** What a product card in chat shows, or undefined when the product is not this shop's or archived. */
export async function findProductCard(db: Queryable, shopId: string, productId: string): Promise<ProductCard | undefined> {
  const row = await db
    .selectFrom('products')
    .select(['id', 'title', 'price_fen', 'image_url'])
    .where('id', '=', productId)
    .where('shop_id', '=', shopId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return { productId: row.id, title: row.title, priceFen: Number(row.price_fen), imageUrl: row.image_url, url: null };
}

/** A short view of products (title, price, stock over all SKUs) by id, for lists. */
export async function listProductBriefs(db: Queryable, shopId: string, productIds: string[]) {
  if (productIds.length === 0) return new Map<string, BriefRow>();
  const rows = await db
    .selectFrom('products as p')
    .leftJoin('product_skus as s', 's.product_id', 'p.id')
    .select([
      'p.id',
      'p.title',
      'p.price_fen',
      'p.image_url',
      'p.archived_at',
      sql<number | null>`SUM(s.stock)`.as('stock_total'),
      sql<number>`COUNT(s.id)`.as('sku_count'),
    ])
    .where('p.shop_id', '=', shopId)
    .where('p.id', 'in', [...new Set(productIds)])
    .groupBy(['p.id', 'p.title', 'p.price_fen', 'p.image_url', 'p.archived_at'])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        title: r.title,
        priceFen: Number(r.price_fen),
        imageUrl: r.image_url,
        archived: r.archived_at !== null,
        stockTotal: Number(r.stock_total ?? 0),
        skuCount: Number(r.sku_count),
      },
    ]),
  );
}
export interface BriefRow {
  id: string;
  title: string;
  priceFen: number;
  imageUrl: string | null;
  archived: boolean;
  stockTotal: number;
  skuCount: number;
}

/** Related links touching a product, both directions, outgoing first in their order. */
export async function listRelations(db: Queryable, shopId: string, productIds: string[]) {
  if (productIds.length === 0) return [];
  return db
    .selectFrom('product_relations')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where((eb) => eb.or([eb('product_id', 'in', productIds), eb('related_id', 'in', productIds)]))
    .orderBy('product_id')
    .orderBy('position')
    .execute();
}

export async function replaceRelations(db: Queryable, shopId: string, productId: string, relatedIds: string[], now: string) {
  await db.deleteFrom('product_relations').where('shop_id', '=', shopId).where('product_id', '=', productId).execute();
  if (relatedIds.length === 0) return;
  await db
    .insertInto('product_relations')
    .values(
      relatedIds.map((relatedId, position) => ({
        shop_id: shopId,
        product_id: productId,
        related_id: relatedId,
        position,
        created_at: now,
      })),
    )
    .execute();
}

export type BundleRow = Selectable<Database['bundles']>;
export type BundleItemRow = Selectable<Database['bundle_items']>;

/** Bundles of the shop (those containing one of `productIds` when given), newest first, with their items. */
export async function listBundles(db: Queryable, shopId: string, productIds?: string[]) {
  let query = db.selectFrom('bundles').selectAll().where('shop_id', '=', shopId);
  if (productIds) {
    if (productIds.length === 0) return [];
    query = query.where('id', 'in', db.selectFrom('bundle_items').select('bundle_id').where('product_id', 'in', productIds));
  }
  const bundles = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  if (bundles.length === 0) return [];
  const items = await db
    .selectFrom('bundle_items')
    .selectAll()
    .where(
      'bundle_id',
      'in',
      bundles.map((b) => b.id),
    )
    .orderBy('bundle_id')
    .orderBy('position')
    .execute();
  return bundles.map((bundle) => ({ bundle, items: items.filter((i) => i.bundle_id === bundle.id) }));
}

export async function findBundle(db: Queryable, shopId: string, bundleId: string) {
  const bundle = await db
    .selectFrom('bundles')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', bundleId)
    .executeTakeFirst();
  if (!bundle) return undefined;
  const items = await db.selectFrom('bundle_items').selectAll().where('bundle_id', '=', bundle.id).orderBy('position').execute();
  return { bundle, items };
}

/** The shop's product with this store-side id (the integration's key), if synced. */
export async function findProductByExternalId(db: Queryable, shopId: string, externalId: string) {
  return db
    .selectFrom('products')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

/** Store-side id → product id, for the shop's products with these store-side ids. */
export async function mapProductIdsByExternalId(db: Queryable, shopId: string, externalIds: string[]) {
  if (externalIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('products')
    .select(['id', 'external_id'])
    .where('shop_id', '=', shopId)
    .where('external_id', 'in', externalIds)
    .execute();
  return new Map(rows.map((r) => [r.external_id!, r.id]));
}

/** Stores a new product row (created by an agent, or synced from the store). */
export async function insertSyncedProduct(db: Queryable, row: Insertable<Database['products']>) {
  await db.insertInto('products').values(row).execute();
}

/** Overwrites a synced product's fields. */
export async function updateSyncedProduct(db: Queryable, productId: string, changes: Updateable<Database['products']>) {
  await db.updateTable('products').set(changes).where('id', '=', productId).execute();
}

/** Every SKU of a product. */
export async function listSkusOfProduct(db: Queryable, productId: string) {
  return db.selectFrom('product_skus').selectAll().where('product_id', '=', productId).execute();
}

/** Sets a SKU's price and stock. */
export async function updateSkuPriceAndStock(db: Queryable, skuId: string, priceFen: number, stock: number) {
  await db.updateTable('product_skus').set({ price_fen: priceFen, stock }).where('id', '=', skuId).execute();
}

/** Stores a new SKU row (added by an agent, or synced from the store). */
export async function insertSyncedSku(db: Queryable, row: Insertable<Database['product_skus']>) {
  await db.insertInto('product_skus').values(row).execute();
}

/** Every product of the shop with its title and price, oldest first. */
export async function listProductPrices(db: Queryable, shopId: string) {
  return db
    .selectFrom('products')
    .select(['id', 'title', 'price_fen'])
    .where('shop_id', '=', shopId)
    .orderBy('created_at')
    .execute();
}

/** Archives a product (`archivedAt` set) or restores it (null), stamping updated_at. */
export async function setProductArchivedAt(db: Queryable, productId: string, archivedAt: string | null, now: string) {
  await db.updateTable('products').set({ archived_at: archivedAt, updated_at: now }).where('id', '=', productId).execute();
}

/** Writes changed product columns (column name → value) and stamps updated_at. */
export async function updateProductColumns(
  db: Queryable,
  shopId: string,
  productId: string,
  changes: Record<string, unknown>,
  now: string,
) {
  await db
    .updateTable('products')
    .set({ ...changes, updated_at: now })
    .where('id', '=', productId)
    .where('shop_id', '=', shopId)
    .execute();
}

/** Moves a product's SKUs priced at `fromFen` to `toFen` (SKUs with a price of their own keep it); answers how many moved. */
export async function repriceSkusPricedAt(db: Queryable, productId: string, fromFen: number, toFen: number): Promise<number> {
  const moved = await db
    .updateTable('product_skus')
    .set({ price_fen: toFen })
    .where('product_id', '=', productId)
    .where('price_fen', '=', fromFen)
    .executeTakeFirst();
  return Number(moved.numUpdatedRows);
}

/** The ids among `productIds` that are products of the shop. */
export async function listShopProductIds(db: Queryable, shopId: string, productIds: string[]) {
  return db.selectFrom('products').select('id').where('shop_id', '=', shopId).where('id', 'in', productIds).execute();
}

/** The shop's products among `productIds` with title, price and archived_at, to check a bundle's items. */
export async function listBundleCandidateProducts(db: Queryable, shopId: string, productIds: string[]) {
  return db
    .selectFrom('products')
    .select(['id', 'title', 'price_fen', 'archived_at'])
    .where('shop_id', '=', shopId)
    .where('id', 'in', productIds)
    .execute();
}

/** Stores a new bundle row (its items go in with replaceBundleItems). */
export async function insertBundle(db: Queryable, row: Insertable<Database['bundles']>) {
  await db.insertInto('bundles').values(row).execute();
}

/** Sets a bundle's title and price, stamping updated_at. */
export async function updateBundleTitleAndPrice(db: Queryable, bundleId: string, title: string, priceFen: number, now: string) {
  await db.updateTable('bundles').set({ title, price_fen: priceFen, updated_at: now }).where('id', '=', bundleId).execute();
}

/** Replaces a bundle's items with `items`, in their order. */
export async function replaceBundleItems(db: Queryable, bundleId: string, items: { productId: string; quantity: number }[]) {
  await db.deleteFrom('bundle_items').where('bundle_id', '=', bundleId).execute();
  await db
    .insertInto('bundle_items')
    .values(
      items.map((item, position) => ({
        bundle_id: bundleId,
        product_id: item.productId,
        quantity: item.quantity,
        position,
      })),
    )
    .execute();
}

/** Deletes a bundle and its items. */
export async function deleteBundleWithItems(db: Queryable, bundleId: string) {
  await db.deleteFrom('bundle_items').where('bundle_id', '=', bundleId).execute();
  await db.deleteFrom('bundles').where('id', '=', bundleId).execute();
}
