import type { CatalogueProduct, SkuInput } from '@golddesk/contracts';
import type { Transaction } from 'kysely';
import type { CommandContext } from '../../../platform/app-context.js';
import type { Database } from '../../../platform/db/schema.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import { describeProps, propsKey, runCatalogueEdit } from '../catalogue-edit.js';
import { presentCatalogueProduct } from '../product.presenter.js';
import { findProduct, insertSyncedSku, type ProductWithSkus } from '../product.repository.js';
import { deleteShopSku, updateShopSku } from '../sku.repository.js';

type Sku = ProductWithSkus['skus'][number];
const viewOf = (sku: Sku) => ({ props: JSON.parse(sku.props), priceFen: Number(sku.price_fen), stock: Number(sku.stock) });

async function load(trx: Transaction<Database>, shopId: string, productId: string) {
  const found = await findProduct(trx, shopId, productId);
  if (!found) throw new AppError('not_found', { thing: 'product' });
  return found;
}

function ensureUnique(found: ProductWithSkus, props: Record<string, string>, exceptSkuId?: string) {
  const key = propsKey(props);
  if (found.skus.some((sku) => sku.id !== exceptSkuId && propsKey(JSON.parse(sku.props)) === key)) {
    throw new AppError('sku_props_taken', { props: describeProps(props) });
  }
}

/** Adds a SKU (颜色/尺码…) to a product; its props must differ from the product's other SKUs. */
export function addSku(ctx: CommandContext<AgentPrincipal>, productId: string, props: SkuInput): Promise<CatalogueProduct> {
  const shopId = ctx.actor.shopId;
  return runCatalogueEdit(ctx, async (trx) => {
    const found = await load(trx, shopId, productId);
    ensureUnique(found, props.props);
    const id = newId();
    await insertSyncedSku(trx, {
      id,
      shop_id: shopId,
      product_id: productId,
      props: JSON.stringify(props.props),
      price_fen: props.priceFen,
      stock: props.stock,
    });
    return {
      result: presentCatalogueProduct(await load(trx, shopId, productId)),
      audit: {
        action: 'product.sku_added',
        targetType: 'product',
        targetId: productId,
        before: null,
        after: { skuId: id, ...props },
      },
    };
  });
}

/** Changes a SKU's props, price or stock. */
export function updateSku(
  ctx: CommandContext<AgentPrincipal>,
  productId: string,
  skuId: string,
  props: Partial<SkuInput>,
): Promise<CatalogueProduct> {
  const shopId = ctx.actor.shopId;
  return runCatalogueEdit(ctx, async (trx) => {
    const found = await load(trx, shopId, productId);
    const sku = found.skus.find((s) => s.id === skuId);
    if (!sku) throw new AppError('not_found', { thing: 'sku' });
    if (props.props) ensureUnique(found, props.props, skuId);
    const set = {
      ...(props.props ? { props: JSON.stringify(props.props) } : {}),
      ...(props.priceFen !== undefined ? { price_fen: props.priceFen } : {}),
      ...(props.stock !== undefined ? { stock: props.stock } : {}),
    };
    if (Object.keys(set).length) await updateShopSku(trx, shopId, skuId, set);
    return {
      result: presentCatalogueProduct(await load(trx, shopId, productId)),
      audit: {
        action: 'product.sku_updated',
        targetType: 'product',
        targetId: productId,
        before: { skuId, ...viewOf(sku) },
        after: { skuId, ...viewOf(sku), ...props },
      },
    };
  });
}

/** Removes a SKU. Orders keep their lines (they hold a copy of title, props and price). */
export function removeSku(ctx: CommandContext<AgentPrincipal>, productId: string, skuId: string): Promise<CatalogueProduct> {
  const shopId = ctx.actor.shopId;
  return runCatalogueEdit(ctx, async (trx) => {
    const found = await load(trx, shopId, productId);
    const sku = found.skus.find((s) => s.id === skuId);
    if (!sku) throw new AppError('not_found', { thing: 'sku' });
    await deleteShopSku(trx, shopId, skuId);
    return {
      result: presentCatalogueProduct(await load(trx, shopId, productId)),
      audit: {
        action: 'product.sku_removed',
        targetType: 'product',
        targetId: productId,
        before: { skuId, ...viewOf(sku) },
        after: null,
      },
    };
  });
}
