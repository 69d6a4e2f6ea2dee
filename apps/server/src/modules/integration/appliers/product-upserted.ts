import type { InboundEvent } from '@golddesk/contracts';
import { newId } from '../../../platform/ids.js';
import {
  findProductByExternalId,
  insertSyncedProduct,
  insertSyncedSku,
  listSkusOfProduct,
  updateSkuPriceAndStock,
  updateSyncedProduct,
} from '../../catalogue/index.js';
import type { ApplyContext, ApplyOutcome } from './applier.js';

type ProductUpserted = Extract<InboundEvent, { type: 'product.upserted' }>['data'];

/** Creates or updates a product by the shop's id for it; SKUs match by their properties (颜色/尺码), so order lines keep theirs. */
export async function applyProductUpserted({ trx, shopId, now }: ApplyContext, data: ProductUpserted): Promise<ApplyOutcome> {
  const existing = await findProductByExternalId(trx, shopId, data.externalId);
  const fields = {
    title: data.title,
    category: data.category,
    price_fen: data.priceFen,
    description: data.description,
    listing_notes: data.listingNotes ?? null,
    ...(data.weightG !== undefined ? { weight_g: data.weightG } : {}),
  };
  const productId = existing?.id ?? newId();
  if (existing) await updateSyncedProduct(trx, productId, fields);
  else {
    await insertSyncedProduct(trx, {
      id: productId,
      shop_id: shopId,
      ...fields,
      image_url: null,
      size_chart: null,
      created_at: now,
      external_id: data.externalId,
    });
  }
  const skus = await listSkusOfProduct(trx, productId);
  const key = (props: Record<string, string>) => JSON.stringify(Object.entries(props).sort());
  const byProps = new Map(skus.map((s) => [key(JSON.parse(s.props)), s.id]));
  for (const sku of data.skus) {
    const id = byProps.get(key(sku.props));
    if (id) await updateSkuPriceAndStock(trx, id, sku.priceFen, sku.stock);
    else {
      await insertSyncedSku(trx, {
        id: newId(),
        shop_id: shopId,
        product_id: productId,
        props: JSON.stringify(sku.props),
        price_fen: sku.priceFen,
        stock: sku.stock,
      });
    }
  }
  return {
    status: 'applied',
    audit: {
      targetType: 'product',
      targetId: productId,
      before: existing ? { title: existing.title, priceFen: existing.price_fen } : null,
      after: { title: data.title, priceFen: data.priceFen },
    },
  };
}
