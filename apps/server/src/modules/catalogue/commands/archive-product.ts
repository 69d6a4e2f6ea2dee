import type { CatalogueProduct } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { runCatalogueEdit } from '../catalogue-edit.js';
import { presentCatalogueProduct } from '../product.presenter.js';
import { findProduct, setProductArchivedAt } from '../product.repository.js';

/**
 * Archives (下架) or restores a product. Archived products leave the shop page, product cards and
 * suggestions; nothing is deleted, so orders keep their lines and the product can come back.
 */
export function setProductArchived(
  ctx: CommandContext<AgentPrincipal>,
  productId: string,
  archived: boolean,
): Promise<CatalogueProduct> {
  const shopId = ctx.actor.shopId;
  return runCatalogueEdit(ctx, async (trx, now) => {
    const found = await findProduct(trx, shopId, productId);
    if (!found) throw new AppError('not_found', { thing: 'product' });
    const was = found.product.archived_at ?? null;
    const next = archived ? (was ?? now) : null;
    if (next !== was) await setProductArchivedAt(trx, productId, next, now);
    return {
      result: presentCatalogueProduct((await findProduct(trx, shopId, productId))!),
      audit: {
        action: archived ? 'product.archive' : 'product.restore',
        targetType: 'product',
        targetId: productId,
        before: { archivedAt: was },
        after: { archivedAt: next },
      },
    };
  });
}
