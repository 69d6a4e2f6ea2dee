import type { BuyerSatisfactionView } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { BuyerPrincipal } from '../../../platform/http/auth.js';
import { presentBuyerInvitation } from '../satisfaction.presenter.js';
import { findLatestRating } from '../satisfaction.repository.js';

/** The buyer's latest invitation and their rating of it, so a reloaded widget shows the card (or the thanks) again. */
export async function buyerInvitation(ctx: CommandContext<BuyerPrincipal>): Promise<BuyerSatisfactionView | null> {
  const row = await findLatestRating(ctx.app.storage.db, ctx.actor.conversationId);
  return row ? presentBuyerInvitation(row) : null;
}
