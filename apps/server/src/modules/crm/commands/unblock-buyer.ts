import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { announceConversations } from '../../conversations/index.js';
import { findConversationByBuyer } from '../../conversations/index.js';
import { heldMessageCount, updateBuyerCrm } from '../crm.repository.js';
import { requireCrm } from '../crm.policy.js';
import { changeBuyer } from './crm-change.js';

/** Takes the buyer off the blacklist: the held messages show in the conversation, which returns to the lists. */
export async function unblockBuyer(ctx: CommandContext<AgentPrincipal>, props: { buyerId: string }): Promise<void> {
  requireCrm(ctx.actor, 'block');
  let changed = false;
  await changeBuyer(ctx, props.buyerId, async (trx, buyer) => {
    if (!buyer.blocked_at) return null;
    const held = await heldMessageCount(trx, ctx.actor.shopId, buyer.id, buyer.blocked_at);
    await updateBuyerCrm(trx, ctx.actor.shopId, buyer.id, {
      blocked_at: null,
      blocked_by: null,
      blocked_by_name: null,
      block_reason: null,
    });
    changed = true;
    return {
      action: 'customer.unblocked',
      before: { blocked: true, blockedAt: buyer.blocked_at, reason: buyer.block_reason ?? null },
      after: { blocked: false, heldMessages: held },
    };
  });
  if (!changed) return;
  const conversation = await findConversationByBuyer(ctx.app.storage.db, ctx.actor.shopId, props.buyerId);
  if (conversation && conversation.last_seq > 0) await announceConversations(ctx.app, ctx.actor.shopId, [conversation.id]);
}
