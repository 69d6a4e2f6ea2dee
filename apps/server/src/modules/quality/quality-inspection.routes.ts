import {
  MyQualityQuery,
  QualityReviewResponse,
  QualitySampleQuery,
  QualityScorecard,
  QualityScorecardResponse,
  QualitySessionDetail,
  QualitySessionsResponse,
  ReinspectQualityResponse,
  SaveQualityReviewRequest,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { reinspectQuality } from './commands/reinspect-quality.js';
import { saveQualityReview } from './commands/save-quality-review.js';
import { saveQualityScorecard } from './commands/save-quality-scorecard.js';
import { readQualityScorecard } from './quality-scorecard.js';
import { myQuality } from './queries/my-quality.js';
import { qualitySessionDetail } from './queries/quality-session-detail.js';
import { sampleQualitySessions } from './queries/sample-quality-sessions.js';

const tags = ['quality'];

/** 质检 results: sampling and scoring (managers), the scorecard, an agent's own results, re-inspection. */
export function registerQualityInspectionRoutes(app: HttpServer, ctx: AppContext) {
  app.get(
    '/api/v1/quality/conversations',
    {
      schema: {
        summary:
          '抽检 (quality.inspect): a sample of the service sessions agents answered in a China date range — random, lowest score first, or rated 不满意 or worse — with agent, automatic score, hits, rating and reviews',
        tags,
        querystring: QualitySampleQuery,
        response: { 200: QualitySessionsResponse },
      },
    },
    async (request) => sampleQualitySessions(ctx, agentOf(request), request.query),
  );

  app.get(
    '/api/v1/quality/sessions/:id',
    {
      schema: {
        summary: 'One inspected session with its transcript (managers: any; an agent: the sessions they answered last)',
        tags,
        params: z.object({ id: z.string().max(100) }),
        response: { 200: QualitySessionDetail },
      },
    },
    async (request) => qualitySessionDetail(ctx, agentOf(request), request.params.id),
  );

  app.get(
    '/api/v1/quality/mine',
    {
      schema: {
        summary:
          "我的质检: the caller's sessions in a date range with scores, hits and managers' reviews (managers: anyone's, by agentId)",
        tags,
        querystring: MyQualityQuery,
        response: { 200: QualitySessionsResponse },
      },
    },
    async (request) => myQuality(ctx, agentOf(request), request.query),
  );

  app.post(
    '/api/v1/quality/reviews',
    {
      schema: {
        summary:
          "Score a session on the shop's scorecard with a comment (quality.inspect); saving again replaces one's own review",
        tags,
        body: SaveQualityReviewRequest,
        response: { 201: QualityReviewResponse },
      },
    },
    async (request, reply) => {
      const review = await saveQualityReview({ app: ctx, actor: agentOf(request) }, request.body);
      return reply.code(201).send({ review });
    },
  );

  app.get(
    '/api/v1/quality/scorecard',
    {
      schema: {
        summary: "评分表: the shop's scorecard (every agent: reviews are read against it)",
        tags,
        response: { 200: QualityScorecardResponse },
      },
    },
    async (request) => readQualityScorecard(ctx.storage.db, agentOf(request).shopId),
  );

  app.put(
    '/api/v1/quality/scorecard',
    {
      // why: a malformed scorecard is answered by the command, naming the item and field (quality_scorecard_invalid).
      attachValidation: true,
      schema: {
        summary:
          "Replace the shop's scorecard (quality.configure): 1–10 items adding up to 100; a malformed one → 400 saying what",
        tags,
        body: QualityScorecard,
        response: { 200: QualityScorecardResponse },
      },
    },
    async (request) => saveQualityScorecard({ app: ctx, actor: agentOf(request) }, request.body as unknown),
  );

  app.post(
    '/api/v1/quality/reinspect',
    {
      schema: {
        summary: "Inspect the shop's conversations again from their messages with the rules as they are now (quality.configure)",
        tags,
        body: z.object({}).optional(),
        response: { 200: ReinspectQualityResponse },
      },
    },
    async (request) => reinspectQuality({ app: ctx, actor: agentOf(request) }),
  );
}
