import type { CatalogueProductResponse } from '@golddesk/contracts';
import { randomUUID } from 'node:crypto';
import { insertOrderWithItems } from '../../src/modules/orders/index.js';
import { api } from './clients.js';
import type { TestServer } from './test-server.js';

/** A product of the demo shop made through the catalogue, with what its listing says. */
export async function createProduct(server: TestServer, token: string, title: string, priceFen: number, listingNotes?: string) {
  const res = await api<CatalogueProductResponse>(server.url, 'POST', '/api/v1/products', {
    token,
    body: { title, category: '服饰', priceFen, listingNotes: listingNotes ?? null },
  });
  if (res.status !== 201) throw new Error(`product: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.product;
}

export interface PlacedOrder {
  id: string;
  orderNo: string;
}

/**
 * An order of a buyer with one line, at a state and with dates in the past (签收 on 11-02 …).
 * why: no route backdates an order's payment, shipping and signing; after-sales windows count from them.
 */
export async function placeOrder(
  server: TestServer,
  props: {
    shopId: string;
    buyerId: string;
    product: { id: string; title: string; priceFen: number };
    status: 'pending_payment' | 'paid' | 'shipped' | 'signed' | 'completed';
    placedAt: string;
    paidAt?: string;
    shippedAt?: string;
    signedAt?: string;
    totalFen?: number;
  },
): Promise<PlacedOrder> {
  const id = randomUUID();
  const orderNo = `T${Date.now()}${Math.floor(Math.random() * 1000)}`;
  await insertOrderWithItems(
    server.app.context.storage.db,
    {
      id,
      shop_id: props.shopId,
      buyer_id: props.buyerId,
      order_no: orderNo,
      status: props.status,
      total_fen: props.totalFen ?? props.product.priceFen,
      receiver_name: '张三',
      receiver_phone: '13800001234',
      receiver_address: '浙江省杭州市西湖区文三路 1 号',
      carrier: props.shippedAt ? '圆通速递' : null,
      tracking_no: props.shippedAt ? 'YT1234567890' : null,
      memo: null,
      placed_at: props.placedAt,
      paid_at: props.paidAt ?? null,
      shipped_at: props.shippedAt ?? null,
      signed_at: props.signedAt ?? null,
      completed_at: null,
      closed_at: null,
    },
    [
      {
        order_id: id,
        product_id: props.product.id,
        title: props.product.title,
        sku_props: '{}',
        price_fen: props.product.priceFen,
        quantity: 1,
      },
    ],
  );
  return { id, orderNo };
}
