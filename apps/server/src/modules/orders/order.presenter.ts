import type { OrderStatus, OrderView } from '@golddesk/contracts';
import type { OrderItemRow, OrderRow } from './order.repository.js';

export function presentOrder({ order, items }: { order: OrderRow; items: OrderItemRow[] }): OrderView {
  return {
    id: order.id,
    orderNo: order.order_no,
    status: order.status as OrderStatus,
    totalFen: Number(order.total_fen),
    items: items.map((item) => ({
      productId: item.product_id,
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
    placedAt: order.placed_at,
    paidAt: order.paid_at,
    shippedAt: order.shipped_at,
    signedAt: order.signed_at,
    completedAt: order.completed_at,
    closedAt: order.closed_at,
  };
}
