import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { runCatalogueEdit } from '../catalogue-edit.js';
import { findProduct, listRelations, listShopProductIds, replaceRelations } from '../product.repository.js';

/** Replaces a product's related products (关联商品), in display order. Every id must be another product of the shop. */
export function setRelatedProducts(ctx: CommandContext<AgentPrincipal>, productId: string, relatedIds: string[]): Promise<void> {
  const shopId = ctx.actor.shopId;
  const ids = [...new Set(relatedIds)];
  return runCatalogueEdit(ctx, async (trx, now) => {
    if (!(await findProduct(trx, shopId, productId))) throw new AppError('not_found', { thing: 'product' });
    if (ids.includes(productId)) throw new AppError('related_to_itself');
    if (ids.length) {
      const known = await listShopProductIds(trx, shopId, ids);
      if (known.length !== ids.length) throw new AppError('not_found', { thing: 'product' });
    }
    const before = (await listRelations(trx, shopId, [productId]))
      .filter((r) => r.product_id === productId)
      .map((r) => r.related_id);
    await replaceRelations(trx, shopId, productId, ids, now);
    return {
      result: undefined,
      audit: {
        action: 'product.related_changed',
        targetType: 'product',
        targetId: productId,
        before: { related: before },
        after: { related: ids },
      },
    };
  });
}
