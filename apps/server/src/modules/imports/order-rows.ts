import type { OrderStatus } from '@golddesk/contracts';
import type { SheetRow } from './import-file.js';
import type { RowReason, StoredRowError } from './import-reasons.js';
import { isPhone, parseChinaTime, parseFen, parseOrderStatus, parseSkuProps, parseWholeNumber } from './import-values.js';

/** One order line of the file, checked. */
export interface OrderLineDraft {
  line: number;
  productId: string | null;
  title: string;
  skuProps: Record<string, string>;
  priceFen: number;
  quantity: number;
}

/** One order as the file describes it (all its lines were valid). */
export interface OrderDraft {
  orderNo: string;
  buyerNick: string;
  status: OrderStatus;
  totalFen: number;
  receiverName: string;
  receiverPhone: string;
  province: string | null;
  address: string;
  carrier: string | null;
  trackingNo: string | null;
  memo: string | null;
  placedAt: string;
  paidAt: string | null;
  shippedAt: string | null;
  signedAt: string | null;
  completedAt: string | null;
  closedAt: string | null;
  lines: OrderLineDraft[];
}

/** Rows of the file grouped by 订单号, in the order they first appear: either an order, or the failed lines. */
export type OrderGroup = { lineCount: number } & (
  { order: OrderDraft; errors?: undefined } | { order?: undefined; errors: StoredRowError[] }
);

const ORDER_FIELDS = [
  'buyer_nick',
  'status',
  'total',
  'receiver_name',
  'receiver_phone',
  'province',
  'address',
  'carrier',
  'tracking_no',
  'placed_at',
  'paid_at',
  'shipped_at',
  'signed_at',
  'completed_at',
  'closed_at',
  'memo',
] as const;
/** Fields every line of one order must agree on when it repeats them. */
const MUST_AGREE = new Set(['buyer_nick', 'status', 'total', 'placed_at']);
const TIMES = ['placed_at', 'paid_at', 'shipped_at', 'signed_at', 'completed_at', 'closed_at'] as const;
const MAX_LENGTH: Record<string, number> = {
  order_no: 64,
  buyer_nick: 64,
  title: 200,
  product_id: 64,
  receiver_name: 32,
  province: 16,
  address: 200,
  carrier: 32,
  tracking_no: 64,
  memo: 500,
};

/**
 * Which timestamps each state needs (everything up to it) and which it must not have. A closed order was
 * closed before payment (the trade flow closes only unpaid orders).
 */
const STATE_TIMES: Record<OrderStatus, { needs: readonly (typeof TIMES)[number][]; forbids: readonly (typeof TIMES)[number][] }> =
  {
    pending_payment: { needs: [], forbids: ['paid_at', 'shipped_at', 'signed_at', 'completed_at', 'closed_at'] },
    paid: { needs: ['paid_at'], forbids: ['shipped_at', 'signed_at', 'completed_at', 'closed_at'] },
    shipped: { needs: ['paid_at', 'shipped_at'], forbids: ['signed_at', 'completed_at', 'closed_at'] },
    signed: { needs: ['paid_at', 'shipped_at', 'signed_at'], forbids: ['completed_at', 'closed_at'] },
    completed: { needs: ['paid_at', 'shipped_at', 'completed_at'], forbids: ['closed_at'] },
    closed: { needs: ['closed_at'], forbids: ['paid_at', 'shipped_at', 'signed_at', 'completed_at'] },
  };

/** Checks every row and groups them into orders; an order with one bad line is not imported at all. */
export function groupOrderRows(rows: SheetRow[]): OrderGroup[] {
  const groups = new Map<string, SheetRow[]>();
  // File order of first appearance: an order number, or a row without one.
  const sequence: (string | SheetRow)[] = [];
  for (const row of rows) {
    const orderNo = row.values.order_no?.trim() ?? '';
    if (!orderNo) {
      sequence.push(row);
      continue;
    }
    const group = groups.get(orderNo);
    if (group) group.push(row);
    else {
      groups.set(orderNo, [row]);
      sequence.push(orderNo);
    }
  }
  return sequence.map((entry) =>
    typeof entry === 'string'
      ? checkOrder(entry, groups.get(entry)!)
      : { lineCount: 1, errors: [{ line: entry.line, reasons: [{ code: 'missing_value', params: { column: 'order_no' } }] }] },
  );
}

function checkOrder(orderNo: string, rows: SheetRow[]): OrderGroup {
  const reasons = new Map<number, RowReason[]>(rows.map((r) => [r.line, []]));
  const fail = (line: number, reason: RowReason) => reasons.get(line)!.push(reason);

  // The order's fields: the first line that fills each; a later line saying otherwise is an error.
  const merged: Record<string, { value: string; line: number }> = {};
  for (const row of rows) {
    for (const key of ORDER_FIELDS) {
      const value = row.values[key]?.trim() ?? '';
      if (!value) continue;
      const first = merged[key];
      if (!first) merged[key] = { value, line: row.line };
      else if (MUST_AGREE.has(key) && first.value !== value)
        fail(row.line, { code: 'conflicts_with_line', params: { column: key, line: first.line } });
    }
  }
  const lines = rows.map((row) => checkLine(row, (reason) => fail(row.line, reason)));

  const firstLine = rows[0]!.line;
  const at = (key: string) => merged[key]?.line ?? firstLine;
  const text = (key: string) => merged[key]?.value ?? '';
  for (const key of ['order_no', ...ORDER_FIELDS]) {
    const max = MAX_LENGTH[key];
    const value = key === 'order_no' ? orderNo : text(key);
    if (max && value.length > max) fail(at(key), { code: 'too_long', params: { column: key, max } });
  }
  if (!text('buyer_nick')) fail(firstLine, { code: 'missing_value', params: { column: 'buyer_nick' } });
  const status = text('status') ? parseOrderStatus(text('status')) : undefined;
  if (!text('status')) fail(firstLine, { code: 'missing_value', params: { column: 'status' } });
  else if (!status) fail(at('status'), { code: 'invalid_status', params: { column: 'status', value: text('status') } });
  const totalFen = text('total') ? parseFen(text('total')) : undefined;
  if (!text('total')) fail(firstLine, { code: 'missing_value', params: { column: 'total' } });
  else if (totalFen === undefined) fail(at('total'), { code: 'invalid_amount', params: { column: 'total' } });
  if (text('receiver_phone') && !isPhone(text('receiver_phone')))
    fail(at('receiver_phone'), { code: 'invalid_phone', params: { column: 'receiver_phone' } });

  const times: Partial<Record<(typeof TIMES)[number], string>> = {};
  for (const key of TIMES) {
    if (!text(key)) continue;
    const iso = parseChinaTime(text(key));
    if (iso) times[key] = iso;
    else fail(at(key), { code: 'invalid_time', params: { column: key } });
  }
  if (!text('placed_at')) fail(firstLine, { code: 'missing_value', params: { column: 'placed_at' } });
  if (status) {
    for (const key of STATE_TIMES[status].needs) {
      if (!text(key)) fail(firstLine, { code: 'state_needs', params: { status, column: key } });
    }
    for (const key of STATE_TIMES[status].forbids) {
      if (text(key)) fail(at(key), { code: 'state_forbids', params: { status, column: key } });
    }
    if (['shipped', 'signed', 'completed'].includes(status)) {
      for (const key of ['carrier', 'tracking_no'])
        if (!text(key)) fail(firstLine, { code: 'state_needs', params: { status, column: key } });
    }
  }
  // Each step happens after the one before it (seconds-precise exports may share a timestamp).
  const ordered = TIMES.filter((key) => times[key]);
  for (let i = 1; i < ordered.length; i++) {
    const [earlier, later] = [ordered[i - 1]!, ordered[i]!];
    if (times[later]! < times[earlier]!) fail(at(later), { code: 'time_before', params: { column: later, other: earlier } });
  }

  const bad = rows.filter((r) => reasons.get(r.line)!.length > 0).map((r) => r.line);
  if (bad.length) {
    const errors = rows.map((row) => ({
      line: row.line,
      reasons: reasons.get(row.line)!.length
        ? reasons.get(row.line)!
        : [{ code: 'order_has_bad_lines' as const, params: { lines: bad.join(', ') } }],
    }));
    return { lineCount: rows.length, errors };
  }
  return {
    lineCount: rows.length,
    order: {
      orderNo,
      buyerNick: text('buyer_nick'),
      status: status!,
      totalFen: totalFen!,
      receiverName: text('receiver_name'),
      receiverPhone: text('receiver_phone'),
      province: text('province') || null,
      address: fullAddress(text('province'), text('address')),
      carrier: text('carrier') || null,
      trackingNo: text('tracking_no') || null,
      memo: text('memo') || null,
      placedAt: times.placed_at!,
      paidAt: times.paid_at ?? null,
      shippedAt: times.shipped_at ?? null,
      signedAt: times.signed_at ?? null,
      completedAt: times.completed_at ?? null,
      closedAt: times.closed_at ?? null,
      lines: lines as OrderLineDraft[],
    },
  };
}

/** As the order actions store it: the province, then the rest of the address. */
function fullAddress(province: string, address: string): string {
  return `${province}${address.startsWith(province) ? address.slice(province.length) : address}`;
}

function checkLine(row: SheetRow, fail: (reason: RowReason) => void): OrderLineDraft | undefined {
  const value = (key: string) => row.values[key]?.trim() ?? '';
  let failures = 0;
  const note = (reason: RowReason) => {
    failures++;
    fail(reason);
  };
  if (!value('title')) note({ code: 'missing_value', params: { column: 'title' } });
  for (const key of ['title', 'product_id']) {
    if (value(key).length > MAX_LENGTH[key]!) note({ code: 'too_long', params: { column: key, max: MAX_LENGTH[key]! } });
  }
  const priceFen = value('price') ? parseFen(value('price')) : undefined;
  if (!value('price')) note({ code: 'missing_value', params: { column: 'price' } });
  else if (priceFen === undefined) note({ code: 'invalid_amount', params: { column: 'price' } });
  const quantity = value('quantity') ? parseWholeNumber(value('quantity'), 1, 100_000) : undefined;
  if (!value('quantity')) note({ code: 'missing_value', params: { column: 'quantity' } });
  else if (quantity === undefined) note({ code: 'invalid_quantity', params: { column: 'quantity' } });
  const skuProps = parseSkuProps(value('sku'));
  if (!skuProps) note({ code: 'invalid_sku', params: { column: 'sku' } });
  if (failures > 0) return undefined;
  return {
    line: row.line,
    productId: value('product_id') || null,
    title: value('title'),
    skuProps: skuProps!,
    priceFen: priceFen!,
    quantity: quantity!,
  };
}
