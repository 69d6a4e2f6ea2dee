import {
  phoneForViewer,
  type BuyerOrderView,
  type CapabilityHolder,
  type MemoFlag,
  type OrderActionResponse,
  type OrderCard,
  type OrderStatus,
  type OrderView,
} from '@golddesk/contracts';
import type { OrderWithItems } from './order.repository.js';

export function presentOrder({ order, items }: OrderWithItems): OrderView {
  return {
    id: order.id,
    orderNo: order.order_no,
    status: order.status as OrderStatus,
    totalFen: Number(order.total_fen),
    items: items.map((item) => ({
      productId: item.product_id,
      skuId: item.sku_id,
      title: item.title,
      skuProps: JSON.parse(item.sku_props),
      priceFen: Number(item.price_fen),
      quantity: Number(item.quantity),
      imageUrl: item.image_url,
    })),
    receiver: { name: order.receiver_name, phone: order.receiver_phone, address: order.receiver_address },
    carrier: order.carrier,
    trackingNo: order.tracking_no,
    memo: order.memo,
    memoFlag: order.memo_flag as MemoFlag | null,
    closeReason: order.close_reason,
    originalTotalFen: order.original_total_fen === null ? null : Number(order.original_total_fen),
    placedAt: order.placed_at,
    paidAt: order.paid_at,
    shippedAt: order.shipped_at,
    signedAt: order.signed_at,
    completedAt: order.completed_at,
    closedAt: order.closed_at,
    weightKg: parcelWeightKg(items),
  };
}

/** An order as the viewing agent may see it: the receiver's phone masked unless they may see phones in full. */
export function orderForViewer(view: OrderView, viewer: CapabilityHolder): OrderView {
  const phone = phoneForViewer(view.receiver.phone, viewer);
  return phone === view.receiver.phone ? view : { ...view, receiver: { ...view.receiver, phone } };
}

/** An order action's answer as its caller may see it (the stored answer keeps the full order). */
export function actionAnswerForViewer(answer: OrderActionResponse, viewer: CapabilityHolder): OrderActionResponse {
  return answer.result === 'applied' ? { ...answer, order: orderForViewer(answer.order, viewer) } : answer;
}

/** The buyer's own view of an order (widget): what the shop may show them, nothing the seller keeps for itself. */
export function presentBuyerOrder(order: OrderWithItems): BuyerOrderView {
  const {
    id,
    orderNo,
    status,
    totalFen,
    items,
    receiver,
    carrier,
    trackingNo,
    closeReason,
    originalTotalFen,
    placedAt,
    paidAt,
    shippedAt,
    signedAt,
    completedAt,
    closedAt,
  } = presentOrder(order);
  return {
    id,
    orderNo,
    status,
    totalFen,
    items,
    receiver,
    carrier,
    trackingNo,
    closeReason,
    originalTotalFen,
    placedAt,
    paidAt,
    shippedAt,
    signedAt,
    completedAt,
    closedAt,
  };
}

/** The parcel's weight from its products' weights, or null when a line's product has none. */
function parcelWeightKg(items: OrderWithItems['items']): number | null {
  let grams = 0;
  for (const item of items) {
    if (item.weight_g === null || item.weight_g === undefined) return null;
    grams += Number(item.weight_g) * Number(item.quantity);
  }
  return items.length ? grams / 1000 : null;
}

/** The card an order becomes in chat. */
export function presentOrderCard({ order, items }: OrderWithItems): OrderCard {
  const first = items[0];
  return {
    orderId: order.id,
    orderNo: order.order_no,
    status: order.status,
    totalFen: Number(order.total_fen),
    itemCount: items.reduce((n, i) => n + Number(i.quantity), 0),
    title: first ? (items.length > 1 ? `${first.title} 等 ${items.length} 件` : first.title) : order.order_no,
    imageUrl: first?.image_url ?? null,
  };
}
