import { maskPhone, serverText, type ChangeReceiverRequest, type OrderActionResponse } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { runOrderAction } from '../order-action.js';
import { updateOrder } from '../order.repository.js';

/**
 * The phone to store: a masked number (what 售前 sees) stands for the current one, unchanged; any other masked
 * value is refused, so a mask never replaces a real number.
 */
function phoneToStore(given: string, current: string): string {
  if (!given.includes('*')) return given;
  if (given === maskPhone(current)) return current;
  throw new AppError('invalid_input', { detail: 'phone' });
}

/** Changes the receiver (name, phone, address) of an order that has not shipped yet. */
export function changeReceiver(
  ctx: CommandContext<AgentPrincipal>,
  orderId: string,
  props: ChangeReceiverRequest,
): Promise<OrderActionResponse> {
  return runOrderAction(ctx, {
    action: 'change_receiver',
    orderId,
    request: props,
    plan: ({ order }, _trx, now) => {
      const address = `${props.province}${props.address.startsWith(props.province) ? props.address.slice(props.province.length) : props.address}`;
      const before = { name: order.receiver_name, phone: order.receiver_phone, address: order.receiver_address };
      const phone = phoneToStore(props.phone, order.receiver_phone);
      const after = { name: props.name, phone, address };
      return {
        apply: (trx) =>
          updateOrder(trx, order.id, {
            receiver_name: props.name,
            receiver_phone: phone,
            receiver_address: address,
            receiver_province: props.province,
            updated_at: now,
          }),
        audit: { action: 'order.receiver_changed', before, after },
        // The chat log keeps the number masked: every agent reads it, and the buyer knows their own number.
        announcement: serverText('order.receiver_changed', {
          orderNo: order.order_no,
          name: props.name,
          phone: maskPhone(phone),
          address,
        }),
      };
    },
  });
}
