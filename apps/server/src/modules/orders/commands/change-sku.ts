import { serverText, type ChangeSkuRequest, type OrderActionResponse } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { runOrderAction } from '../order-action.js';
import { findSkuOfProduct } from '../../catalogue/index.js';
import { updateOrder, updateOrderItem } from '../order.repository.js';

/** Swaps one line of an unshipped order to another SKU (colour/size) of the same product, same price. */
export function changeSku(
  ctx: CommandContext<AgentPrincipal>,
  orderId: string,
  props: ChangeSkuRequest,
): Promise<OrderActionResponse> {
  return runOrderAction(ctx, {
    action: 'change_sku',
    orderId,
    request: props,
    plan: async ({ order, items }, trx, now) => {
      const item = items[props.itemIndex];
      if (!item) throw new AppError('not_found', { thing: 'order_item' });
      const sku = await findSkuOfProduct(trx, ctx.actor.shopId, item.product_id, props.skuId);
      if (!sku) throw new AppError('not_found', { thing: 'sku' });
      const beforeProps = JSON.parse(item.sku_props) as Record<string, string>;
      const afterProps = JSON.parse(sku.props) as Record<string, string>;
      const describe = (p: Record<string, string>) =>
        Object.entries(p)
          .map(([k, v]) => `${k}：${v}`)
          .join('，');
      return {
        apply: async (t) => {
          await updateOrderItem(t, item.id, { sku_id: sku.id, sku_props: sku.props });
          await updateOrder(t, order.id, { updated_at: now });
        },
        audit: {
          action: 'order.sku_changed',
          before: { item: item.title, skuId: item.sku_id, props: beforeProps },
          after: { item: item.title, skuId: sku.id, props: afterProps },
        },
        announcement: serverText('order.sku_changed', { orderNo: order.order_no, title: item.title, sku: describe(afterProps) }),
      };
    },
  });
}
