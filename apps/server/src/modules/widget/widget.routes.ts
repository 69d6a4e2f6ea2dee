import { MarkReadRequest, WidgetOrdersResponse, WidgetSessionRequest, WidgetSessionResponse } from '@golddesk/contracts';
import { RateSatisfactionRequest, WidgetSatisfactionResponse } from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { buyerOf } from '../../platform/http/auth.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { markRead } from '../conversations/index.js';
import { AppError } from '../../platform/http/errors.js';
import { presentBuyerOrder } from '../orders/index.js';
import { listBuyerOrders } from '../orders/index.js';
import { buyerInvitation, rateService } from '../satisfaction/index.js';
import { startWidgetSession } from './commands/start-widget-session.js';

export function registerWidgetRoutes(app: HttpServer, ctx: AppContext) {
  app.post(
    '/api/v1/widget/sessions',
    {
      config: { auth: 'public' },
      schema: {
        summary: 'Open a buyer chat session (visitorId + visitorSecret → the same visitor; otherwise a new one)',
        tags: ['widget'],
        security: [],
        body: WidgetSessionRequest,
        response: { 200: WidgetSessionResponse },
      },
    },
    async (request) => {
      return startWidgetSession(ctx, { ...request.body, address: request.ip });
    },
  );

  app.get(
    '/api/v1/widget/orders',
    {
      config: { auth: 'buyer' },
      schema: {
        summary: "The verified buyer's orders (anonymous visitors: 403)",
        tags: ['widget'],
        response: { 200: WidgetOrdersResponse },
      },
    },
    async (request) => {
      const buyer = buyerOf(request);
      if (!buyer.verified) throw new AppError('identity_required');
      return { orders: (await listBuyerOrders(ctx.storage.db, buyer.shopId, buyer.buyerId)).map(presentBuyerOrder) };
    },
  );

  app.post(
    '/api/v1/widget/read',
    {
      config: { auth: 'buyer' },
      schema: {
        summary: 'The buyer has seen their conversation up to seq',
        tags: ['widget'],
        body: MarkReadRequest,
        response: { 200: z.object({ ok: z.literal(true), seq: z.number().int() }) },
      },
    },
    async (request) => {
      const buyer = buyerOf(request);
      const { seq } = await markRead({ app: ctx, actor: buyer }, { conversationId: buyer.conversationId, seq: request.body.seq });
      return { ok: true as const, seq };
    },
  );

  app.get(
    '/api/v1/widget/satisfaction',
    {
      config: { auth: 'buyer' },
      schema: {
        summary: "满意度: the buyer's latest invitation to rate and their rating of it (null: never invited)",
        tags: ['widget'],
        response: { 200: WidgetSatisfactionResponse },
      },
    },
    async (request) => ({ invitation: await buyerInvitation({ app: ctx, actor: buyerOf(request) }) }),
  );

  app.post(
    '/api/v1/widget/satisfaction',
    {
      config: { auth: 'buyer' },
      schema: {
        summary: 'The buyer rates the service they were invited to rate, once (score, reasons offered with it, comment)',
        tags: ['widget'],
        body: RateSatisfactionRequest,
        response: { 200: WidgetSatisfactionResponse },
      },
    },
    async (request) => {
      const invitation = await rateService({ app: ctx, actor: buyerOf(request) }, request.body);
      return { invitation };
    },
  );
}
