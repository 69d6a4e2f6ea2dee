import type { AppContext, OpenTransaction } from '../../platform/app-context.js';
import { recordReview } from '../reviews/index.js';
import type { BatchCounts } from './order-batch.js';
import type { ReviewDraft } from './review-rows.js';

/** Writes a batch of reviews in the batch's transaction: new ones are created (中差评 get their follow-up task), known ones left as they are. */
export async function writeReviewBatch(
  ctx: { app: AppContext; transaction: OpenTransaction },
  shopId: string,
  reviews: ReviewDraft[],
): Promise<BatchCounts> {
  let created = 0;
  for (const review of reviews) {
    if ((await recordReview(ctx, { shopId, ...review })).created) created += 1;
  }
  return { created, updated: 0, unchanged: reviews.length - created };
}
