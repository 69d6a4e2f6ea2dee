import type { CommandContext } from '../../../platform/app-context.js';
import type { BuyerPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { findProductCard } from '../../catalogue/index.js';
import { insertProductView, lastViewOf } from '../footprint.repository.js';

/** Reloads within this window count as one view. */
const SAME_VIEW_MS = 30_000;

export interface RecordFootprintProps {
  /** A product of the buyer's shop. */
  productId: string;
}

/** The widget reports that the buyer is looking at a product; agents see it beside the chat at once. */
export async function recordFootprint(ctx: CommandContext<BuyerPrincipal>, props: RecordFootprintProps): Promise<void> {
  const { app, actor } = ctx;
  const product = await findProductCard(app.storage.db, actor.shopId, props.productId);
  if (!product) throw new AppError('not_found', { thing: 'product' });
  const now = app.now();
  const last = await lastViewOf(app.storage.db, actor.buyerId, props.productId);
  if (last && now.getTime() - Date.parse(last) < SAME_VIEW_MS) return;
  const at = now.toISOString();
  await insertProductView(app.storage.db, { shopId: actor.shopId, buyerId: actor.buyerId, productId: props.productId, at });
  app.bus.publish({
    type: 'customer.footprint_recorded',
    shopId: actor.shopId,
    buyerId: actor.buyerId,
    conversationId: actor.conversationId,
    footprint: {
      productId: product.productId,
      title: product.title,
      priceFen: product.priceFen,
      imageUrl: product.imageUrl,
      viewedAt: at,
      views: 1,
    },
  });
}
