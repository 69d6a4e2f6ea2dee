import type { Insertable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { skuKey } from './import-values.js';
import type { BatchCounts } from './order-batch.js';
import type { ProductDraft } from './product-rows.js';
import { findProductsByTitle, insertProducts, insertSkus, updateProduct, updateSku } from './product-import.repository.js';

const DEFAULT_CATEGORY = '未分类';

/**
 * Writes a batch of products in the transaction it is given. Same title = same product; a SKU is matched by its
 * properties and gets the file's price and stock. SKUs missing from the file stay (orders may point at them).
 */
export async function writeProductBatch(
  trx: Queryable,
  shopId: string,
  drafts: ProductDraft[],
  now: string,
): Promise<BatchCounts> {
  const counts: BatchCounts = { created: 0, updated: 0, unchanged: 0 };
  const existing = await findProductsByTitle(
    trx,
    shopId,
    drafts.map((d) => d.title),
  );
  const newProducts: Insertable<Database['products']>[] = [];
  const newSkus: Insertable<Database['product_skus']>[] = [];
  for (const draft of drafts) {
    const found = existing.get(draft.title);
    const productId = found?.product.id ?? newId();
    const skuByKey = new Map((found?.skus ?? []).map((sku) => [skuKey(JSON.parse(sku.props)), sku]));
    let changed = false;
    const prices: number[] = (found?.skus ?? []).map((s) => Number(s.price_fen));
    for (const sku of draft.skus) {
      const current = skuByKey.get(skuKey(sku.props));
      prices.push(sku.priceFen);
      if (!current) {
        newSkus.push({
          id: newId(),
          shop_id: shopId,
          product_id: productId,
          props: JSON.stringify(sku.props),
          price_fen: sku.priceFen,
          stock: sku.stock,
        });
        changed = true;
      } else if (Number(current.price_fen) !== sku.priceFen || Number(current.stock) !== sku.stock) {
        await updateSku(trx, current.id, { price_fen: sku.priceFen, stock: sku.stock });
        const index = prices.indexOf(Number(current.price_fen));
        if (index >= 0) prices.splice(index, 1);
        changed = true;
      }
    }
    // The listed price is the lowest SKU price, as a marketplace shows "¥99 起".
    const fields = {
      title: draft.title,
      category: draft.category || found?.product.category || DEFAULT_CATEGORY,
      price_fen: Math.min(...prices),
      description: draft.description || found?.product.description || '',
      listing_notes: draft.listingNotes ?? found?.product.listing_notes ?? null,
      weight_g: draft.weightG ?? found?.product.weight_g ?? null,
    };
    if (!found) {
      newProducts.push({ id: productId, shop_id: shopId, ...fields, image_url: null, size_chart: null, created_at: now });
      counts.created++;
      continue;
    }
    const product = found.product;
    const fieldsChanged =
      product.category !== fields.category ||
      Number(product.price_fen) !== fields.price_fen ||
      product.description !== fields.description ||
      (product.listing_notes ?? null) !== fields.listing_notes ||
      (product.weight_g === null || product.weight_g === undefined ? null : Number(product.weight_g)) !== fields.weight_g;
    if (fieldsChanged) await updateProduct(trx, product.id, fields);
    if (fieldsChanged || changed) counts.updated++;
    else counts.unchanged++;
  }
  await insertProducts(trx, newProducts);
  await insertSkus(trx, newSkus);
  return counts;
}
