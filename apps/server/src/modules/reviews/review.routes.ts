import {
  ListReviewsQuery,
  ListReviewsResponse,
  RecordReviewOutcomeRequest,
  ReviewResponse,
  ReviewWeeksQuery,
  ReviewWeeksResponse,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { recordReviewOutcome } from './commands/record-review-outcome.js';
import { reviewWeeks } from './queries/review-weeks.js';
import { presentReview } from './review.presenter.js';
import { listReviewRecords } from './review.repository.js';

const tags = ['cases'];
/** Star ranges of the levels: 好评 4–5, 中评 3, 差评 1–2. */
const RATINGS = { good: { ratingAtLeast: 4 }, mid: { ratingAtLeast: 3, ratingAtMost: 3 }, bad: { ratingAtMost: 2 } } as const;

export function registerReviewRoutes(app: HttpServer, ctx: AppContext) {
  app.get(
    '/api/v1/reviews',
    {
      schema: {
        summary: '评价: reviews newest first; followUp=open lists 中差评 waiting for an outcome',
        tags,
        querystring: ListReviewsQuery,
        response: { 200: ListReviewsResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const { level, followUp, orderId, buyerId } = request.query;
      const rows = await listReviewRecords(
        ctx.storage.db,
        agent.shopId,
        { ...(level ? RATINGS[level] : {}), followUp, orderId, buyerId },
        300,
      );
      return { reviews: rows.map(presentReview) };
    },
  );

  app.get(
    '/api/v1/reviews/weeks',
    {
      schema: {
        summary: 'Reviews by week: levels and follow-up outcomes (with the marketplace rule when 好评返现 is set)',
        tags,
        querystring: ReviewWeeksQuery,
        response: { 200: ReviewWeeksResponse },
      },
    },
    async (request) => reviewWeeks(ctx, agentOf(request).shopId, request.query.weeks ?? 8),
  );

  app.post(
    '/api/v1/reviews/:id/outcome',
    {
      schema: {
        summary: "Record how a review's follow-up ended (已修改 / 已解释 / 未回复 / 恶意差评申诉); its task is done",
        tags,
        params: z.object({ id: z.string().max(64) }),
        body: RecordReviewOutcomeRequest,
        response: { 200: ReviewResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await recordReviewOutcome({ app: ctx, actor: agent }, { reviewId: request.params.id, ...request.body });
      const [review] = await listReviewRecords(ctx.storage.db, agent.shopId, { id: request.params.id }, 1);
      return { review: presentReview(review!) };
    },
  );
}
