import type { FindOrderCard } from '../../conversations/index.js';
import { presentOrderCard } from '../order.presenter.js';
import { findOrderWithItems } from '../order.repository.js';

/** The order card lookup chat messages use (provided to the conversations module at start-up by app.ts). */
export const findOrderCard: FindOrderCard = async (db, shopId, orderId) => {
  const order = await findOrderWithItems(db, shopId, orderId);
  return order && { buyerId: order.order.buyer_id, card: presentOrderCard(order) };
};
