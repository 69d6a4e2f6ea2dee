/** The orders module's door: the only file other modules import. */
export { applyApprovedPriceChange } from './commands/change-price.js';
export { readDiscountLimits, writeDiscountLimit } from './discount-limits.js';
export { announceOrder, recordOrderUpdated, runOrderAction } from './order-action.js';
export { actionAnswerForViewer, orderForViewer, presentBuyerOrder, presentOrder, presentOrderCard } from './order.presenter.js';
export { findOrderCard } from './queries/find-order-card.js';
export {
  findOrderWithItems,
  listOrderedProductIds,
  listBuyerOrders,
  updateOrder,
  type OrderRow,
  type OrderWithItems,
} from './order.repository.js';
export { registerOrderRoutes } from './order.routes.js';
export {
  ORDER_ACTION_NAMES,
  actionAllowedIn,
  advance,
  pathBetween,
  transition,
  type OrderActionName,
} from './order.state-machine.js';
export { closeStaleApprovals } from './commands/close-stale-approvals.js';
export { orderApprovalTarget } from './order-approval-target.js';
export { findOrderByNo, insertOrderWithItems, replaceOrderItems } from './order.repository.js';
export { findOrderWithBuyerAndShopSettings, listUnpaidOrdersPlacedSince } from './order.repository.js';
