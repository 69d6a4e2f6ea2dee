import { formatFen, type BundleRequest } from '@golddesk/contracts';
import type { Transaction } from 'kysely';
import type { CommandContext } from '../../../platform/app-context.js';
import type { Database } from '../../../platform/db/schema.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import { runCatalogueEdit } from '../catalogue-edit.js';
import { findBundle } from '../product.repository.js';

/** Items must be distinct products of the shop, on sale, and the bundle must cost less than buying them one by one. */
async function checkBundle(trx: Transaction<Database>, shopId: string, props: BundleRequest) {
  const ids = props.items.map((i) => i.productId);
  if (new Set(ids).size !== ids.length) throw new AppError('bundle_items_repeated');
  const products = await trx
    .selectFrom('products')
    .select(['id', 'title', 'price_fen', 'archived_at'])
    .where('shop_id', '=', shopId)
    .where('id', 'in', ids)
    .execute();
  if (products.length !== ids.length) throw new AppError('not_found', { thing: 'product' });
  const archived = products.find((p) => p.archived_at);
  if (archived) throw new AppError('product_archived', { title: archived.title });
  const price = new Map(products.map((p) => [p.id, Number(p.price_fen)]));
  const sum = props.items.reduce((total, item) => total + price.get(item.productId)! * item.quantity, 0);
  if (props.priceFen >= sum) throw new AppError('bundle_not_cheaper', { price: formatFen(props.priceFen), sum: formatFen(sum) });
  return sum;
}

async function writeItems(trx: Transaction<Database>, bundleId: string, items: BundleRequest['items']) {
  await trx.deleteFrom('bundle_items').where('bundle_id', '=', bundleId).execute();
  await trx
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
    await trx
      .insertInto('bundles')
      .values({ id, shop_id: shopId, title: props.title, price_fen: props.priceFen, created_at: now, updated_at: now })
      .execute();
    await writeItems(trx, id, props.items);
    return {
      result: id,
      audit: {
        action: 'bundle.create',
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
    await trx
      .updateTable('bundles')
      .set({ title: props.title, price_fen: props.priceFen, updated_at: now })
      .where('id', '=', bundleId)
      .execute();
    await writeItems(trx, bundleId, props.items);
    const before = snapshot({
      title: found.bundle.title,
      priceFen: Number(found.bundle.price_fen),
      items: found.items.map((i) => ({ productId: i.product_id, quantity: Number(i.quantity) })),
    });
    return {
      result: bundleId,
      audit: { action: 'bundle.update', targetType: 'bundle', targetId: bundleId, before, after: snapshot(props) },
    };
  });
}

export function deleteBundle(ctx: CommandContext<AgentPrincipal>, bundleId: string): Promise<void> {
  const shopId = ctx.actor.shopId;
  return runCatalogueEdit(ctx, async (trx) => {
    const found = await findBundle(trx, shopId, bundleId);
    if (!found) throw new AppError('not_found', { thing: 'bundle' });
    await trx.deleteFrom('bundle_items').where('bundle_id', '=', bundleId).execute();
    await trx.deleteFrom('bundles').where('id', '=', bundleId).execute();
    return {
      result: undefined,
      audit: {
        action: 'bundle.delete',
        targetType: 'bundle',
        targetId: bundleId,
        before: { title: found.bundle.title, priceFen: Number(found.bundle.price_fen) },
        after: null,
      },
    };
  });
}
