import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { listTags, replaceBuyerTags } from '../crm.repository.js';
import { requireCrm } from '../crm.policy.js';
import { changeBuyer } from './crm-change.js';

export interface SetBuyerTagsProps {
  buyerId: string;
  /** The buyer's tags afterwards (the shop's tags only). */
  tagIds: string[];
}

/** Tags the buyer with exactly these of the shop's tags (客户标签). */
export async function setBuyerTags(ctx: CommandContext<AgentPrincipal>, props: SetBuyerTagsProps): Promise<void> {
  requireCrm(ctx.actor, 'tag_buyer');
  const wanted = [...new Set(props.tagIds)];
  await changeBuyer(ctx, props.buyerId, async (trx, buyer, now) => {
    const shopTags = new Set((await listTags(trx, ctx.actor.shopId)).map((t) => t.id));
    if (wanted.some((id) => !shopTags.has(id))) throw new AppError('not_found', { thing: 'tag' });
    await replaceBuyerTags(trx, ctx.actor.shopId, buyer.id, wanted, now);
    return null; // tagging is everyday work, not an audited decision
  });
}
