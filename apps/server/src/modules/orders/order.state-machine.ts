import { statusWord, type OrderStatus } from '@golddesk/contracts';
import { AppError } from '../../platform/http/errors.js';
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
  paid: 'paid_at',
  shipped: 'shipped_at',
  signed: 'signed_at',
  completed: 'completed_at',
  closed: 'closed_at',
};

export function canTransition(from: string, to: OrderStatus): boolean {
  return (NEXT[from as OrderStatus] ?? []).includes(to);
}

/**
 * The changes that move an order to `to` at `at`. Every writer of an order's status goes through here; a move the
 * flow does not allow is refused (order_transition_refused), naming both states in words.
 */
export function transition(order: Pick<OrderRow, 'order_no' | 'status'>, to: OrderStatus, at: string): Partial<OrderRow> {
  if (!canTransition(order.status, to)) {
    throw new AppError('order_transition_refused', {
      orderNo: order.order_no,
      status: statusWord('order', order.status, 'zh-CN'),
      statusEn: statusWord('order', order.status, 'en'),
      to: statusWord('order', to, 'zh-CN'),
      toEn: statusWord('order', to, 'en'),
    });
  }
  const stamp = STAMP[to];
  return { status: to, ...(stamp ? { [stamp]: at } : {}), updated_at: at };
}

/** The states an order passes through from `from` to reach `to` (`to` last), or undefined when the flow never leads there. */
export function pathBetween(from: string, to: OrderStatus): OrderStatus[] | undefined {
  const cameFrom = new Map<string, string>();
  const queue = [from];
  while (queue.length) {
    const state = queue.shift()!;
    if (state === to) {
      const path: OrderStatus[] = [];
      for (let at: string = to; at !== from; at = cameFrom.get(at)!) path.unshift(at as OrderStatus);
      return path.length ? path : undefined;
    }
    for (const next of NEXT[state as OrderStatus] ?? []) {
      if (cameFrom.has(next) || next === from) continue;
      cameFrom.set(next, state);
      queue.push(next);
    }
  }
  return undefined;
}

/**
 * Moves an order forward to `to` step by step through the flow (a shipment reported by the store implies the
 * payment): each step is a transition; a state passed on the way keeps the time it already has. No changes when
 * the order is already at or past `to`.
 */
export function advance(order: OrderRow, to: OrderStatus, at: string): Partial<OrderRow> {
  let current: OrderRow = order;
  const changes: Partial<OrderRow> = {};
  for (const state of pathBetween(order.status, to) ?? []) {
    const step = transition(current, state, at);
    const stamp = STAMP[state];
    if (state !== to && stamp && order[stamp]) delete step[stamp];
    Object.assign(changes, step);
    current = { ...current, ...step };
  }
  return changes;
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
