import type { AppContext } from '../../platform/app-context.js';
import { presentBuyerInvitation, presentRating } from './satisfaction.presenter.js';
import { findRatingRecord } from './satisfaction.repository.js';

/**
 * After the commit: `satisfaction.invited` or `satisfaction.rated` with the stored row, the agents' view for the shop's
 * agents and the buyer's view for the conversation's buyer. Returns the agents' view.
 */
export async function announceRating(
  app: AppContext,
  type: 'satisfaction.invited' | 'satisfaction.rated',
  shopId: string,
  ratingId: string,
) {
  const row = (await findRatingRecord(app.storage.db, shopId, ratingId))!;
  const rating = presentRating(row);
  app.bus.publish({
    type,
    shopId,
    conversationId: row.conversation_id,
    rating,
    invitation: presentBuyerInvitation(row),
  });
  return rating;
}
