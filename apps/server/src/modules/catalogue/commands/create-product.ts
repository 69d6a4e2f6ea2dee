import type { CatalogueProduct, CreateProductRequest } from '@golddesk/contracts';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import { describeProps, propsKey, runCatalogueEdit } from '../catalogue-edit.js';
import { presentCatalogueProduct } from '../product.presenter.js';
import { findProduct, insertSyncedProduct } from '../product.repository.js';
import { insertSkus } from '../sku.repository.js';

/** Creates a product with its SKUs (props unique within the product). */
export function createProduct(
  ctx: CommandContext<AgentPrincipal>,
  props: z.output<typeof CreateProductRequest>,
): Promise<CatalogueProduct> {
  const shopId = ctx.actor.shopId;
  return runCatalogueEdit(ctx, async (trx, now) => {
    const seen = new Set<string>();
    for (const sku of props.skus) {
      const key = propsKey(sku.props);
      if (seen.has(key)) throw new AppError('sku_props_taken', { props: describeProps(sku.props) });
      seen.add(key);
    }
    const id = newId();
    await insertSyncedProduct(trx, {
      id,
      shop_id: shopId,
      title: props.title,
      category: props.category,
      price_fen: props.priceFen,
      image_url: props.imageUrl ?? null,
      description: props.description,
      listing_notes: props.listingNotes ?? null,
      size_chart: props.sizeChart?.length ? JSON.stringify(props.sizeChart) : null,
      attributes: JSON.stringify(props.attributes),
      weight_g: props.weightG ?? null,
      created_at: now,
      updated_at: now,
    });
    if (props.skus.length) {
      await insertSkus(
        trx,
        props.skus.map((sku) => ({
          id: newId(),
          shop_id: shopId,
          product_id: id,
          props: JSON.stringify(sku.props),
          price_fen: sku.priceFen,
          stock: sku.stock,
        })),
      );
    }
    const product = presentCatalogueProduct((await findProduct(trx, shopId, id))!);
    return {
      result: product,
      audit: {
        action: 'product.created',
        targetType: 'product',
        targetId: id,
        before: null,
        after: { title: props.title, priceFen: props.priceFen, skus: props.skus.length },
      },
    };
  });
}
