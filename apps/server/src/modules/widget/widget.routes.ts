import { MarkReadRequest, WidgetSessionRequest, WidgetSessionResponse } from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { buyerOf } from '../../platform/http/auth.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { markRead } from '../conversations/commands/mark-read.js';
import { startWidgetSession } from './commands/start-widget-session.js';

export function registerWidgetRoutes(app: HttpServer, ctx: AppContext) {
  app.post('/api/v1/widget/sessions', {
    config: { auth: 'public' },
    schema: {
      summary: 'Open a buyer chat session (same visitorId → same buyer and conversation)', tags: ['widget'], security: [],
      body: WidgetSessionRequest, response: { 200: WidgetSessionResponse },
    },
  }, async (request) => {
    return startWidgetSession(ctx, { ...request.body, address: request.ip });
  });

  app.post('/api/v1/widget/read', {
    config: { auth: 'buyer' },
    schema: {
      summary: 'The buyer has seen their conversation up to seq', tags: ['widget'],
      body: MarkReadRequest, response: { 200: z.object({ ok: z.literal(true), seq: z.number().int() }) },
    },
  }, async (request) => {
    const buyer = buyerOf(request);
    const { seq } = await markRead({ app: ctx, actor: buyer }, { conversationId: buyer.conversationId, seq: request.body.seq });
    return { ok: true as const, seq };
  });
}
