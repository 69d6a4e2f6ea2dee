import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { updateBuyerCrm } from '../crm.repository.js';
import { requireCrm } from '../crm.policy.js';
import { changeBuyer } from './crm-change.js';

export interface BlockBuyerProps {
  buyerId: string;
  /** Why (骚扰, 恶意差评…), shown in the 黑名单 list. */
  reason?: string;
}

/**
 * Puts the buyer on the blacklist. Their messages are still stored (nothing is lost) but are held: the
 * conversation leaves the agents' lists and new messages raise no chat, badge or sound. The buyer is not told.
 */
export async function blockBuyer(ctx: CommandContext<AgentPrincipal>, props: BlockBuyerProps): Promise<void> {
  requireCrm(ctx.actor, 'block');
  await changeBuyer(ctx, props.buyerId, async (trx, buyer, now) => {
    if (buyer.blocked_at) return null; // already blocked: keep the first time and reason
    const reason = props.reason?.trim() || null;
    await updateBuyerCrm(trx, ctx.actor.shopId, buyer.id, {
      blocked_at: now,
      blocked_by: ctx.actor.agentId,
      blocked_by_name: ctx.actor.name,
      block_reason: reason,
    });
    return { action: 'customer.blocked', before: { blocked: false }, after: { blocked: true, reason } };
  });
}
