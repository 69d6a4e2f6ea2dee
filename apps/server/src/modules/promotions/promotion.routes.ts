import { ActivePromotionsResponse, PromotionInput, PromotionResponse, PromotionsResponse } from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import { languageOf } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { describeActivePromotions, listActivePromotions } from './active-promotions.js';
import { deletePromotion, savePromotion } from './commands/save-promotion.js';
import { presentPromotion } from './promotion.presenter.js';
import { listPromotions } from './promotion.repository.js';

const Params = z.object({ id: z.string().max(64) });
const tags = ['promotions'];

/** 店铺活动: every agent reads the campaigns; the owner and managers change them. */
export function registerPromotionRoutes(app: HttpServer, ctx: AppContext) {
  app.get(
    '/api/v1/promotions',
    {
      schema: {
        summary: 'All campaigns of the shop (newest start first) with their status now',
        tags,
        response: { 200: PromotionsResponse },
      },
    },
    async (request) => {
      const now = ctx.now();
      const language = languageOf(request.headers['accept-language']);
      return {
        promotions: (await listPromotions(ctx.storage.db, agentOf(request).shopId)).map((row) =>
          presentPromotion(row, now, language),
        ),
      };
    },
  );

  app.get(
    '/api/v1/promotions/active',
    {
      schema: {
        summary: 'The campaigns running now and the one line {店铺活动} becomes',
        tags,
        response: { 200: ActivePromotionsResponse },
      },
    },
    async (request) => {
      const { shopId } = agentOf(request);
      const now = ctx.now();
      const language = languageOf(request.headers['accept-language']);
      return {
        promotions: await listActivePromotions(ctx.storage.db, shopId, now, language),
        summary: await describeActivePromotions(ctx.storage.db, shopId, now, language),
      };
    },
  );

  app.post(
    '/api/v1/promotions',
    {
      schema: { summary: 'Add a campaign (owner, manager)', tags, body: PromotionInput, response: { 200: PromotionResponse } },
    },
    async (request) => ({
      promotion: await savePromotion(
        { app: ctx, actor: agentOf(request) },
        { input: request.body, language: languageOf(request.headers['accept-language']) },
      ),
    }),
  );

  app.put(
    '/api/v1/promotions/:id',
    {
      schema: {
        summary: 'Change a campaign (owner, manager)',
        tags,
        params: Params,
        body: PromotionInput,
        response: { 200: PromotionResponse },
      },
    },
    async (request) => ({
      promotion: await savePromotion(
        { app: ctx, actor: agentOf(request) },
        {
          id: request.params.id,
          input: request.body,
          language: languageOf(request.headers['accept-language']),
        },
      ),
    }),
  );

  app.delete(
    '/api/v1/promotions/:id',
    {
      schema: {
        summary: 'Delete a campaign (owner, manager)',
        tags,
        params: Params,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await deletePromotion({ app: ctx, actor: agentOf(request) }, request.params.id);
      return { ok: true as const };
    },
  );
}
