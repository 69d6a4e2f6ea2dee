import type { ApprovalView } from '@golddesk/contracts';
import { createHash } from 'node:crypto';
import type { Queryable } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { closeStaleApprovals } from '../orders/index.js';
import { skuKey } from './import-values.js';
import type { OrderDraft } from './order-rows.js';
import {
  findBuyerIdsByNick,
  findOrdersByNo,
  insertBuyersIfAbsent,
  insertOrders,
  replaceOrder,
  type ExistingOrder,
  type NewOrder,
  type NewOrderItem,
} from './order-import.repository.js';
import type { loadCatalogue } from './product-import.repository.js';

/** What a batch did to the orders it was given. */
export interface BatchCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Requests the file's new order states made moot (改价 of an order now paid), to announce after the commit. */
  closedApprovals?: ApprovalView[];
}

/** Resolves an order line to the shop's product and SKU: by 商品ID, else by exact title. */
export class CatalogueIndex {
  private readonly ids = new Set<string>();
  private readonly byTitle = new Map<string, string>();
  private readonly skus = new Map<string, string>();

  constructor(catalogue: Awaited<ReturnType<typeof loadCatalogue>>) {
    for (const p of catalogue.products) {
      this.ids.add(p.id);
      if (!this.byTitle.has(p.title)) this.byTitle.set(p.title, p.id);
    }
    for (const s of catalogue.skus) this.skus.set(`${s.product_id}|${skuKey(JSON.parse(s.props))}`, s.id);
  }

  /**
   * The product a line names. A product unknown to the shop keeps the marketplace's 商品ID, or a stable id
   * derived from its title, so its lines still group together.
   */
  resolve(productId: string | null, title: string, props: Record<string, string>): { productId: string; skuId: string | null } {
    const id =
      productId && this.ids.has(productId) ? productId : (this.byTitle.get(title) ?? productId ?? `imported-${digest(title)}`);
    return { productId: id, skuId: this.skus.get(`${id}|${skuKey(props)}`) ?? null };
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

/**
 * The visitor id of a buyer the import created: stable per nick, so re-imports find the same buyer; the colon is never
 * in a widget visitor id, so no visitor can hold it first.
 */
export function importedVisitorId(nick: string): string {
  return `import:${digest(nick)}`;
}

/** Writes a batch of orders in the transaction it is given: new ones inserted, changed ones rewritten, the rest left alone. */
export async function writeOrderBatch(
  trx: Queryable,
  shopId: string,
  orders: OrderDraft[],
  catalogue: CatalogueIndex,
  now: string,
): Promise<BatchCounts> {
  const counts: BatchCounts = { created: 0, updated: 0, unchanged: 0 };
  const nicks = [...new Set(orders.map((o) => o.buyerNick))];
  const buyers = await findBuyerIdsByNick(trx, shopId, nicks);
  const newBuyers = nicks
    .filter((nick) => !buyers.has(nick))
    .map((nick) => ({
      id: newId(),
      shop_id: shopId,
      visitor_id: importedVisitorId(nick),
      nick,
      phone: null,
      province: orders.find((o) => o.buyerNick === nick)?.province ?? null,
      city: null,
      vip_level: 0,
      created_at: now,
      last_seen_at: null,
      identity_source: 'import',
    }));
  for (const [nick, id] of await insertBuyersIfAbsent(trx, shopId, newBuyers)) buyers.set(nick, id);

  const existing = await findOrdersByNo(
    trx,
    shopId,
    orders.map((o) => o.orderNo),
  );
  const inserts: NewOrder[] = [];
  const insertItems: NewOrderItem[] = [];
  for (const draft of orders) {
    const fields = orderFields(draft, buyers.get(draft.buyerNick)!);
    const found = existing.get(draft.orderNo);
    const orderId = found?.order.id ?? newId();
    const items = draft.lines.map((line): NewOrderItem => {
      const { productId, skuId } = catalogue.resolve(line.productId, line.title, line.skuProps);
      return {
        order_id: orderId,
        product_id: productId,
        sku_id: skuId,
        title: line.title,
        sku_props: JSON.stringify(line.skuProps),
        price_fen: line.priceFen,
        quantity: line.quantity,
      };
    });
    if (!found) {
      inserts.push({
        id: orderId,
        shop_id: shopId,
        ...fields,
        memo_flag: null,
        close_reason: null,
        external_id: null,
        updated_at: now,
        original_total_fen: null,
      });
      insertItems.push(...items);
      counts.created++;
    } else if (isUnchanged(found, fields, items)) {
      counts.unchanged++;
    } else {
      // The file is the marketplace's record: its state is taken as it is, not stepped through the trade flow.
      await replaceOrder(trx, orderId, { ...fields, updated_at: now }, items);
      if (found.order.status !== fields.status) {
        (counts.closedApprovals ??= []).push(...(await closeStaleApprovals(trx, { shopId, orderId, at: now })));
      }
      counts.updated++;
    }
  }
  await insertOrders(trx, inserts, insertItems);
  return counts;
}

/** The order's columns the file decides (agents' own fields, 旗帜 and close reason, stay as they are). */
function orderFields(draft: OrderDraft, buyerId: string) {
  return {
    buyer_id: buyerId,
    order_no: draft.orderNo,
    status: draft.status,
    total_fen: draft.totalFen,
    receiver_name: draft.receiverName,
    receiver_phone: draft.receiverPhone,
    receiver_address: draft.address,
    receiver_province: draft.province,
    carrier: draft.carrier,
    tracking_no: draft.trackingNo,
    memo: draft.memo,
    placed_at: draft.placedAt,
    paid_at: draft.paidAt,
    shipped_at: draft.shippedAt,
    signed_at: draft.signedAt,
    completed_at: draft.completedAt,
    closed_at: draft.closedAt,
  } satisfies Omit<NewOrder, 'id' | 'shop_id'>;
}

function isUnchanged({ order, items }: ExistingOrder, fields: ReturnType<typeof orderFields>, next: NewOrderItem[]): boolean {
  const same = (a: unknown, b: unknown) =>
    (a ?? null) === (b ?? null) || (typeof a === 'number' || typeof b === 'number' ? Number(a) === Number(b) : false);
  if (!Object.entries(fields).every(([key, value]) => same(order[key as keyof typeof order], value))) return false;
  if (items.length !== next.length) return false;
  return items.every((item, i) => {
    const other = next[i]!;
    return (
      item.product_id === other.product_id &&
      (item.sku_id ?? null) === other.sku_id &&
      item.title === other.title &&
      item.sku_props === other.sku_props &&
      Number(item.price_fen) === other.price_fen &&
      Number(item.quantity) === other.quantity
    );
  });
}
