import {
  AutoRepliesResponse,
  AutoReplyInput,
  AutoReplyPreviewRequest,
  AutoReplyPreviewResponse,
  AutoReplyResponse,
} from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { presentRule, statsDays } from './auto-reply.presenter.js';
import { hitCounts, listRules } from './auto-reply.repository.js';
import { renderReplyText } from './auto-reply-text.js';
import { deleteAutoReply, saveAutoReply } from './commands/save-auto-reply.js';

const Params = z.object({ id: z.string().max(64) });
const tags = ['auto-replies'];

/** 自动回复: every agent reads the rules and their hits; the owner and managers change them. */
export function registerAutoReplyRoutes(app: HttpServer, ctx: AppContext) {
  app.get(
    '/api/v1/auto-replies',
    {
      schema: {
        summary: "The shop's auto-reply rules with hit statistics (total, last, last 14 days)",
        tags,
        response: { 200: AutoRepliesResponse },
      },
    },
    async (request) => {
      const { shopId } = agentOf(request);
      const days = statsDays(ctx.now());
      const [rules, counts] = await Promise.all([listRules(ctx.storage.db, shopId), hitCounts(ctx.storage.db, shopId, days[0]!)]);
      return { rules: rules.map((row) => presentRule(row, counts.get(row.id), days)) };
    },
  );

  app.post(
    '/api/v1/auto-replies',
    {
      schema: {
        summary: 'Add a rule (owner, manager); welcome, offline, busy and delayed are one each',
        tags,
        body: AutoReplyInput,
        response: { 200: AutoReplyResponse },
      },
    },
    async (request) => ({ rule: await saveAutoReply({ app: ctx, actor: agentOf(request) }, { input: request.body }) }),
  );

  app.put(
    '/api/v1/auto-replies/:id',
    {
      schema: {
        summary: 'Change a rule (owner, manager)',
        tags,
        params: Params,
        body: AutoReplyInput,
        response: { 200: AutoReplyResponse },
      },
    },
    async (request) => ({
      rule: await saveAutoReply({ app: ctx, actor: agentOf(request) }, { id: request.params.id, input: request.body }),
    }),
  );

  app.delete(
    '/api/v1/auto-replies/:id',
    {
      schema: {
        summary: 'Delete a rule (owner, manager)',
        tags,
        params: Params,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await deleteAutoReply({ app: ctx, actor: agentOf(request) }, request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auto-replies/preview',
    {
      schema: {
        summary: 'A rule text as a buyer would read it now (variables filled for the buyer 小美)',
        tags,
        body: AutoReplyPreviewRequest,
        response: { 200: AutoReplyPreviewResponse },
      },
    },
    async (request) => ({
      text: await renderReplyText(ctx.storage.db, request.body.text, {
        shopId: agentOf(request).shopId,
        buyerNick: '小美',
        now: ctx.now(),
      }),
    }),
  );
}
