import type { OrderActionResponse, SetMemoRequest } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { runOrderAction } from '../order-action.js';
import { updateOrder } from '../order.repository.js';

/** The seller's memo (卖家备注) with a flag colour. Internal to the shop: the buyer is not told. */
export function setMemo(
  ctx: CommandContext<AgentPrincipal>,
  orderId: string,
  props: SetMemoRequest,
): Promise<OrderActionResponse> {
  return runOrderAction(ctx, {
    action: 'set_memo',
    orderId,
    request: props,
    plan: ({ order }, _trx, now) => ({
      apply: (trx) => updateOrder(trx, order.id, { memo: props.memo || null, memo_flag: props.flag, updated_at: now }),
      audit: {
        action: 'order.memo_changed',
        before: { memo: order.memo, flag: order.memo_flag },
        after: { memo: props.memo || null, flag: props.flag },
      },
    }),
  });
}
