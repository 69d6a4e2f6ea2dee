import { serverText, type CloseOrderRequest, type OrderActionResponse } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { runOrderAction } from '../order-action.js';
import { updateOrder } from '../order.repository.js';
import { transition } from '../order.state-machine.js';

/** Closes an unpaid order (交易关闭) with a reason the buyer is told. */
export function closeOrder(
  ctx: CommandContext<AgentPrincipal>,
  orderId: string,
  props: CloseOrderRequest,
): Promise<OrderActionResponse> {
  return runOrderAction(ctx, {
    action: 'close',
    orderId,
    request: props,
    plan: ({ order }, _trx, now) => ({
      apply: (trx) => updateOrder(trx, order.id, { ...transition(order, 'closed', now), close_reason: props.reason }),
      audit: { action: 'order.closed', before: { status: order.status }, after: { status: 'closed', reason: props.reason } },
      announcement: serverText('order.closed', { orderNo: order.order_no, reason: props.reason }),
    }),
  });
}
