import type { ChangeReceiverRequest, OrderActionResponse } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { runOrderAction } from '../order-action.js';
import { updateOrder } from '../order.repository.js';

/** Changes the receiver (name, phone, address) of an order that has not shipped yet. */
export function changeReceiver(ctx: CommandContext<AgentPrincipal>, orderId: string, props: ChangeReceiverRequest): Promise<OrderActionResponse> {
  return runOrderAction(ctx, {
    action: 'change_receiver', orderId, request: props,
    plan: ({ order }, _trx, now) => {
      const address = `${props.province}${props.address.startsWith(props.province) ? props.address.slice(props.province.length) : props.address}`;
      const before = { name: order.receiver_name, phone: order.receiver_phone, address: order.receiver_address };
      const after = { name: props.name, phone: props.phone, address };
      return {
        apply: (trx) => updateOrder(trx, order.id, {
          receiver_name: props.name, receiver_phone: props.phone, receiver_address: address,
          receiver_province: props.province, updated_at: now,
        }),
        audit: { action: 'order.change_receiver', before, after },
        announcement: `亲，您的订单 ${order.order_no} 收货信息已修改为：${props.name}，${props.phone}，${address}。如有不对请随时告诉我们哦~`,
      };
    },
  });
}
