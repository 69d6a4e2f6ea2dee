import type { InboundEvent } from '@golddesk/contracts';
import { recordReview } from '../../reviews/index.js';
import type { ApplyContext, ApplyOutcome } from './applier.js';

type ReviewEvent = Extract<InboundEvent, { type: 'review.created' }>;

/** A buyer reviewed an order: stored once by its id; a mid or negative one opens a follow-up task. */
export async function applyReviewCreated(ctx: ApplyContext, event: ReviewEvent): Promise<ApplyOutcome> {
  const { externalId, orderNo, rating, text, pictures, reviewedAt } = event.data;
  const recorded = await recordReview(
    { app: ctx.app, transaction: { trx: ctx.trx, afterCommit: (effect) => ctx.afterCommit.push(() => void effect()) } },
    { shopId: ctx.shopId, externalId, orderNo, rating, text, pictures, reviewedAt },
  );
  return {
    status: 'applied',
    audit: { targetType: 'review', targetId: recorded.reviewId, before: null, after: { orderNo, rating } },
  };
}
