import type { CustomerType } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { updateBuyerCrm } from '../crm.repository.js';
import { requireCrm } from '../crm.policy.js';
import { changeBuyer } from './crm-change.js';

export interface SetCustomerTypeProps {
  buyerId: string;
  /** One of CUSTOMER_TYPES; null clears it (未设置). */
  customerType: CustomerType | null;
}

/** An agent decides what kind of customer the buyer is; the pane then shows that type's strategy tip. */
export async function setCustomerType(ctx: CommandContext<AgentPrincipal>, props: SetCustomerTypeProps): Promise<void> {
  requireCrm(ctx.actor, 'set_type');
  await changeBuyer(ctx, props.buyerId, async (trx, buyer, now) => {
    if ((buyer.customer_type ?? null) === props.customerType) return null;
    await updateBuyerCrm(trx, ctx.actor.shopId, buyer.id, {
      customer_type: props.customerType,
      customer_type_set_by: props.customerType ? ctx.actor.name : null,
      customer_type_set_at: props.customerType ? now : null,
    });
    return {
      action: 'customer.type_changed',
      before: { customerType: buyer.customer_type ?? null },
      after: { customerType: props.customerType },
    };
  });
}
