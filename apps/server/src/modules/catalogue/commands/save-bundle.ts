import { formatFen, type BundleRequest } from '@golddesk/contracts';
import type { Transaction } from 'kysely';
import type { CommandContext } from '../../../platform/app-context.js';
import type { Database } from '../../../platform/db/schema.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import { runCatalogueEdit } from '../catalogue-edit.js';
import {
  deleteBundleWithItems,
  findBundle,
  insertBundle,
  listBundleCandidateProducts,
  replaceBundleItems,
  updateBundleTitleAndPrice,
} from '../product.repository.js';

/** Items must be distinct products of the shop, on sale, and the bundle must cost less than buying them one by one. */
async function checkBundle(trx: Transaction<Database>, shopId: string, props: BundleRequest) {
  const ids = props.items.map((i) => i.productId);
  if (new Set(ids).size !== ids.length) throw new AppError('bundle_items_repeated');
  const products = await listBundleCandidateProducts(trx, shopId, ids);
  if (products.length !== ids.length) throw new AppError('not_found', { thing: 'product' });
  const archived = products.find((p) => p.archived_at);
  if (archived) throw new AppError('product_archived', { title: archived.title });
  const price = new Map(products.map((p) => [p.id, Number(p.price_fen)]));
  const sum = props.items.reduce((total, item) => total + price.get(item.productId)! * item.quantity, 0);
  if (props.priceFen >= sum) throw new AppError('bundle_not_cheaper', { price: formatFen(props.priceFen), sum: formatFen(sum) });
  return sum;
}

const snapshot = (b: { title: string; priceFen: number; items: BundleRequest['items'] }) => ({
  title: b.title,
  priceFen: b.priceFen,
  items: b.items,
});

/** Creates a bundle (搭配套餐); answers its id. */
export function createBundle(ctx: CommandContext<AgentPrincipal>, props: BundleRequest): Promise<string> {
  const shopId = ctx.actor.shopId;
  return runCatalogueEdit(ctx, async (trx, now) => {
    const itemsTotalFen = await checkBundle(trx, shopId, props);
    const id = newId();
    await insertBundle(trx, {
      id,
      shop_id: shopId,
      title: props.title,
      price_fen: props.priceFen,
      created_at: now,
      updated_at: now,
    });
    await replaceBundleItems(trx, id, props.items);
    return {
      result: id,
      audit: {
        action: 'bundle.created',
        targetType: 'bundle',
        targetId: id,
        before: null,
        after: { ...snapshot(props), itemsTotalFen },
      },
    };
  });
}

/** Replaces a bundle's title, price and items. */
export function updateBundle(ctx: CommandContext<AgentPrincipal>, bundleId: string, props: BundleRequest): Promise<string> {
  const shopId = ctx.actor.shopId;
  return runCatalogueEdit(ctx, async (trx, now) => {
    const found = await findBundle(trx, shopId, bundleId);
    if (!found) throw new AppError('not_found', { thing: 'bundle' });
    await checkBundle(trx, shopId, props);
    await updateBundleTitleAndPrice(trx, bundleId, props.title, props.priceFen, now);
    await replaceBundleItems(trx, bundleId, props.items);
    const before = snapshot({
      title: found.bundle.title,
      priceFen: Number(found.bundle.price_fen),
      items: found.items.map((i) => ({ productId: i.product_id, quantity: Number(i.quantity) })),
    });
    return {
      result: bundleId,
      audit: { action: 'bundle.updated', targetType: 'bundle', targetId: bundleId, before, after: snapshot(props) },
    };
  });
}

export function deleteBundle(ctx: CommandContext<AgentPrincipal>, bundleId: string): Promise<void> {
  const shopId = ctx.actor.shopId;
  return runCatalogueEdit(ctx, async (trx) => {
    const found = await findBundle(trx, shopId, bundleId);
    if (!found) throw new AppError('not_found', { thing: 'bundle' });
    await deleteBundleWithItems(trx, bundleId);
    return {
      result: undefined,
      audit: {
        action: 'bundle.deleted',
        targetType: 'bundle',
        targetId: bundleId,
        before: { title: found.bundle.title, priceFen: Number(found.bundle.price_fen) },
        after: null,
      },
    };
  });
}
