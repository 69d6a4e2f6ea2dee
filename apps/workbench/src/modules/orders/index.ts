// Orders: an order's state, steps and actions (改价, 改地址, 关单 …) and the dialogs they open.
export { OrderActions } from './OrderActions';
export { OrderSteps } from './OrderSteps';
export { MEMO_FLAGS, PROVINCES } from './order-format';
export { fetchOrder } from './order.api';
export { putOrders, resetOrders, useOrder } from './order.store';
export { useOrderAction } from './use-order-action';
