import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { updateBuyerCrm } from '../crm.repository.js';
import { requireCrm } from '../crm.policy.js';
import { changeBuyer } from './crm-change.js';

export interface SetVipLevelProps {
  buyerId: string;
  /** 0 (none) … MAX_VIP_LEVEL. */
  vipLevel: number;
}

/** The owner or a manager sets the buyer's VIP level (会员等级). */
export async function setVipLevel(ctx: CommandContext<AgentPrincipal>, props: SetVipLevelProps): Promise<void> {
  requireCrm(ctx.actor, 'set_vip');
  await changeBuyer(ctx, props.buyerId, async (trx, buyer) => {
    const before = Number(buyer.vip_level);
    if (before === props.vipLevel) return null;
    await updateBuyerCrm(trx, ctx.actor.shopId, buyer.id, { vip_level: props.vipLevel });
    return { action: 'customer.vip_changed', before: { vipLevel: before }, after: { vipLevel: props.vipLevel } };
  });
}
