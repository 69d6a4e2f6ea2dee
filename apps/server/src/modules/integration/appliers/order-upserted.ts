import type { InboundEvent } from '@golddesk/contracts';
import { newId } from '../../../platform/ids.js';
import { findOrCreateVouchedBuyer } from '../../crm/index.js';
import { findOrderByNo, insertOrderWithItems, replaceOrderItems, updateOrder } from '../../orders/index.js';
import { mapProductIdsByExternalId } from '../../catalogue/index.js';
import type { ApplyContext, ApplyOutcome } from './applier.js';

type OrderUpserted = Extract<InboundEvent, { type: 'order.upserted' }>['data'];

/** Creates the order (and its buyer) or refreshes an unshipped one; its state moves only by progress events. */
export async function applyOrderUpserted(ctx: ApplyContext, data: OrderUpserted): Promise<ApplyOutcome> {
  const { trx, shopId, now } = ctx;
  const buyerId = await ensureBuyer(ctx, data.buyer);
  const productIds = await productIdsByExternalId(
    ctx,
    data.items.map((i) => i.productExternalId).filter((id): id is string => !!id),
  );
  const items = data.items.map((item) => ({
    product_id: (item.productExternalId && productIds.get(item.productExternalId)) || '',
    title: item.title,
    sku_props: JSON.stringify(item.skuProps),
    price_fen: item.priceFen,
    quantity: item.quantity,
  }));
  const receiver = {
    receiver_name: data.receiver.name,
    receiver_phone: data.receiver.phone,
    receiver_address: `${data.receiver.province ?? ''}${data.receiver.address.replace(data.receiver.province ?? '\u0000', '')}`,
    receiver_province: data.receiver.province ?? null,
  };
  const existing = await findOrderByNo(trx, shopId, data.orderNo);
  if (existing) {
    if (!['pending_payment', 'paid'].includes(existing.status)) {
      return { status: 'ignored', note: [{ code: 'shipped_not_overwritten', params: { orderNo: data.orderNo } }] };
    }
    await updateOrder(trx, existing.id, { ...receiver, total_fen: data.totalFen, buyer_id: buyerId, updated_at: now });
    await replaceOrderItems(
      trx,
      existing.id,
      items.map((i) => ({ ...i, order_id: existing.id })),
    );
    return {
      status: 'applied',
      orderId: existing.id,
      audit: {
        targetType: 'order',
        targetId: existing.id,
        before: { totalFen: existing.total_fen, address: existing.receiver_address },
        after: { totalFen: data.totalFen, address: receiver.receiver_address },
      },
    };
  }
  const id = newId();
  await insertOrderWithItems(
    trx,
    {
      id,
      shop_id: shopId,
      buyer_id: buyerId,
      order_no: data.orderNo,
      status: 'pending_payment',
      total_fen: data.totalFen,
      ...receiver,
      carrier: null,
      tracking_no: null,
      memo: null,
      placed_at: data.placedAt,
      paid_at: null,
      shipped_at: null,
      signed_at: null,
      completed_at: null,
      closed_at: null,
      external_id: data.orderNo,
      updated_at: now,
    },
    items.map((i) => ({ ...i, order_id: id })),
  );
  return {
    status: 'applied',
    orderId: id,
    createdOrderNo: data.orderNo,
    audit: { targetType: 'order', targetId: id, before: null, after: { orderNo: data.orderNo, totalFen: data.totalFen } },
  };
}

/** The shop's customer by its own id (never a widget visitor, whatever id or nick that visitor chose). */
async function ensureBuyer({ trx, shopId, now }: ApplyContext, buyer: OrderUpserted['buyer']): Promise<string> {
  const row = await findOrCreateVouchedBuyer(trx, {
    shopId,
    externalId: buyer.externalId,
    nick: buyer.nick,
    phone: buyer.phone ?? null,
    source: 'integration',
    now,
  });
  return row.id;
}

async function productIdsByExternalId({ trx, shopId }: ApplyContext, externalIds: string[]) {
  return mapProductIdsByExternalId(trx, shopId, externalIds);
}
