import type { OrderCard } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { Queryable } from '../../platform/db/database.js';

/** One of the shop's orders as a chat card, with the buyer it belongs to. */
export interface OrderCardSource {
  buyerId: string;
  card: OrderCard;
}

/** Finds an order of the shop for a chat card; undefined when there is none. */
export type FindOrderCard = (db: Queryable, shopId: string, orderId: string) => Promise<OrderCardSource | undefined>;

// The orders module sits above this one (it writes chat lines), so it provides the lookup at start-up instead of
// being imported here: one registration per app, made by the composition root (app.ts).
const finders = new WeakMap<AppContext, FindOrderCard>();

/** The orders module's lookup for order cards in chat. */
export function provideOrderCards(app: AppContext, find: FindOrderCard): void {
  finders.set(app, find);
}

export function orderCardsOf(app: AppContext): FindOrderCard {
  const find = finders.get(app);
  if (!find) throw new Error('the orders module provided no order cards for this app');
  return find;
}
