import type { OrderStatus } from '@golddesk/contracts';
import type { OrderRow } from './order.repository.js';

/**
 * The trade flow: 待付款 → 已付款(待发货) → 已发货 → 已签收 → 交易成功, and 交易关闭 from 待付款.
 * (Refunds of paid orders arrive with after-sales; they close through their own flow.) States are worded for people
 * by statusWord('order', …) in @golddesk/contracts, the one translation.
 */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ['paid', 'closed'],
  paid: ['shipped'],
  shipped: ['signed'],
  signed: ['completed'],
  completed: [],
  closed: [],
};

/** The timestamp each state sets when entered. */
const STAMP: Partial<Record<OrderStatus, keyof OrderRow>> = {
  paid: 'paid_at', shipped: 'shipped_at', signed: 'signed_at', completed: 'completed_at', closed: 'closed_at',
};

export function canTransition(from: string, to: OrderStatus): boolean {
  return (NEXT[from as OrderStatus] ?? []).includes(to);
}

/** The changes that move an order to `to` at `at`, or undefined when the flow does not allow it. */
export function transition(order: OrderRow, to: OrderStatus, at: string): Partial<OrderRow> | undefined {
  if (!canTransition(order.status, to)) return undefined;
  const stamp = STAMP[to];
  return { status: to, ...(stamp ? { [stamp]: at } : {}), updated_at: at };
}

/** Which order actions each state allows: the receiver and SKU only before shipping, price only unpaid. */
export const ACTION_STATES = {
  change_price: ['pending_payment'],
  change_receiver: ['pending_payment', 'paid'],
  change_sku: ['pending_payment', 'paid'],
  set_memo: ['pending_payment', 'paid', 'shipped', 'signed', 'completed', 'closed'],
  close: ['pending_payment'],
  ship: ['paid'],
  update_tracking: ['shipped'],
} as const satisfies Record<string, readonly OrderStatus[]>;

export type OrderActionName = keyof typeof ACTION_STATES;

export function actionAllowedIn(action: OrderActionName, status: string): boolean {
  return (ACTION_STATES[action] as readonly string[]).includes(status);
}

/** Each action as a person names it, for messages (不能改价 / cannot change the price). */
export const ORDER_ACTION_NAMES: Record<OrderActionName, { zh: string; en: string }> = {
  change_price: { zh: '改价', en: 'change the price' },
  change_receiver: { zh: '修改收货信息', en: 'change the receiver' },
  change_sku: { zh: '修改商品规格', en: 'change the SKU' },
  set_memo: { zh: '修改备注', en: 'change the memo' },
  close: { zh: '关闭订单', en: 'close the order' },
  ship: { zh: '发货', en: 'ship the order' },
  update_tracking: { zh: '修改运单号', en: 'change the tracking number' },
};
