import type { CatalogueProduct, UpdateProductRequest } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { runCatalogueEdit } from '../catalogue-edit.js';
import { presentCatalogueProduct } from '../product.presenter.js';
import { findProduct, repriceSkusPricedAt, updateProductColumns } from '../product.repository.js';

const COLUMNS = {
  title: 'title',
  category: 'category',
  priceFen: 'price_fen',
  imageUrl: 'image_url',
  description: 'description',
  listingNotes: 'listing_notes',
  attributes: 'attributes',
  sizeChart: 'size_chart',
  weightG: 'weight_g',
} as const;

/**
 * Changes the fields sent. A new price also moves the SKUs that were priced like the product
 * (SKUs with a price of their own keep it), so the shop page shows the new price.
 */
export function updateProduct(
  ctx: CommandContext<AgentPrincipal>,
  productId: string,
  props: UpdateProductRequest,
): Promise<CatalogueProduct> {
  const shopId = ctx.actor.shopId;
  return runCatalogueEdit(ctx, async (trx, now) => {
    const found = await findProduct(trx, shopId, productId);
    if (!found) throw new AppError('not_found', { thing: 'product' });
    const old = presentCatalogueProduct(found);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const changes: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
      const value = props[field];
      if (value === undefined) continue;
      const normalised = field === 'sizeChart' && Array.isArray(value) && value.length === 0 ? null : value;
      if (JSON.stringify(normalised) === JSON.stringify(old[field])) continue;
      before[field] = old[field];
      after[field] = normalised;
      changes[column] =
        (field === 'attributes' || field === 'sizeChart') && normalised !== null ? JSON.stringify(normalised) : normalised;
    }
    if (Object.keys(changes).length > 0) {
      await updateProductColumns(trx, shopId, productId, changes, now);
      if (props.priceFen !== undefined && props.priceFen !== old.priceFen) {
        after.skusRepriced = await repriceSkusPricedAt(trx, productId, old.priceFen, props.priceFen);
      }
    }
    const product = presentCatalogueProduct((await findProduct(trx, shopId, productId))!);
    return { result: product, audit: { action: 'product.updated', targetType: 'product', targetId: productId, before, after } };
  });
}
