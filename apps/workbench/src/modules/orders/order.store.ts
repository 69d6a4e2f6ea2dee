import type { OrderView } from '@golddesk/contracts';
import { createStore, useStore } from '../../platform/store';

/**
 * The freshest copy of each order the agent has seen: from the customer profile, an action's answer,
 * or an `order.updated` frame. Order cards read from here so they update in place.
 */
export const orderStore = createStore<Record<string, OrderView>>({});

/** Stores orders as just read from the server. */
export function putOrders(orders: OrderView[]): void {
  if (orders.length === 0) return;
  orderStore.set((state) => {
    const next = { ...state };
    for (const order of orders) next[order.id] = order;
    return next;
  });
}

/** The latest known copy of an order, or `fallback` until one is stored. */
export function useOrder(fallback: OrderView): OrderView {
  return useStore(orderStore, (state) => state[fallback.id] ?? fallback);
}

export function resetOrders(): void {
  orderStore.set({});
}
