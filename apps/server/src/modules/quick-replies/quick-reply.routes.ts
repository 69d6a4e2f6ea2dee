import {
  IMPORT_CONTENT_TYPES,
  ListQuickRepliesQuery,
  ListQuickRepliesResponse,
  QuickReplyExportQuery,
  QuickReplyImportQuery,
  QuickReplyImportResult,
  QuickReplyPreviewResponse,
  QuickReplyRequest,
  QuickReplyResponse,
  QuickReplyVariables,
  QuickReplyVariablesQuery,
  RenderQuickReplyRequest,
  UpdateQuickReplyRequest,
  can,
  fillQuickReply,
  rankQuickReplies,
} from '@golddesk/contracts';
import type { FastifyError } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentHeader } from '../../platform/http/table-files.js';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import { AppError, languageOf } from '../../platform/http/errors.js';
import { toErrorResponse, type HttpServer } from '../../platform/http/http-server.js';
import { importQuickReplies } from './commands/import-quick-replies.js';
import { recordQuickReplyUse } from './commands/record-use.js';
import { changeQuickReply, createQuickReply, removeQuickReply } from './commands/save-quick-reply.js';
import { quickRepliesCsv, quickRepliesXlsx } from './quick-reply-export.js';
import { mayReadQuickReply } from './quick-reply.policy.js';
import { presentQuickReply } from './quick-reply.presenter.js';
import { findQuickReply, listScopeQuickReplies, listVisibleQuickReplies } from './quick-reply.repository.js';
import { conversationVariables } from './queries/conversation-variables.js';

const IdParams = z.object({ id: z.string().max(64) });
const Ok = z.object({ ok: z.literal(true) });
const FILE_TYPES = [
  IMPORT_CONTENT_TYPES.csv,
  IMPORT_CONTENT_TYPES.xlsx,
  'application/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
];
// 1,000-row files are a few hundred KB; 5,000 phrases of 1,000 characters fit.
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * 快捷短语: team and personal phrases, variables filled per conversation, import/export. Always the agent's own shop;
 * every route needs quick_replies.use (team phrases also quick_replies.edit_team).
 */
export function registerQuickReplyRoutes(app: HttpServer, ctx: AppContext) {
  const command = (request: Parameters<typeof agentOf>[0]) => ({ app: ctx, actor: agentOf(request) });

  app.get(
    '/api/v1/quick-replies',
    {
      config: { capability: 'quick_replies.use' },
      schema: {
        summary: "Team phrases and the caller's personal ones, ranked; `q` searches codes and words",
        tags: ['quick-replies'],
        querystring: ListQuickRepliesQuery,
        response: { 200: ListQuickRepliesResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const rows = await listVisibleQuickReplies(ctx.storage.db, agent.shopId, agent.agentId, request.query.scope);
      return {
        quickReplies: rankQuickReplies(
          rows.map((row) => presentQuickReply(row, agent)),
          request.query.q ?? '',
        ),
      };
    },
  );

  app.post(
    '/api/v1/quick-replies',
    {
      config: { capability: 'quick_replies.use' },
      schema: {
        summary: 'Add a phrase: team (owner, manager) or personal (any agent)',
        tags: ['quick-replies'],
        body: QuickReplyRequest,
        response: { 200: QuickReplyResponse },
      },
    },
    async (request) => ({ quickReply: await createQuickReply(command(request), request.body) }),
  );

  app.patch(
    '/api/v1/quick-replies/:id',
    {
      config: { capability: 'quick_replies.use' },
      schema: {
        summary: "Change a phrase's group, code, content or image",
        tags: ['quick-replies'],
        params: IdParams,
        body: UpdateQuickReplyRequest,
        response: { 200: QuickReplyResponse },
      },
    },
    async (request) => ({ quickReply: await changeQuickReply(command(request), { ...request.body, id: request.params.id }) }),
  );

  app.delete(
    '/api/v1/quick-replies/:id',
    {
      config: { capability: 'quick_replies.use' },
      schema: { summary: 'Delete a phrase', tags: ['quick-replies'], params: IdParams, response: { 200: Ok } },
    },
    async (request) => {
      await removeQuickReply(command(request), { id: request.params.id });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/quick-replies/:id/used',
    {
      config: { capability: 'quick_replies.use' },
      schema: {
        summary: 'Count one use of a phrase by the caller (ranks it)',
        tags: ['quick-replies'],
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await recordQuickReplyUse(command(request), { id: request.params.id });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/quick-replies/variables',
    {
      config: { capability: 'quick_replies.use' },
      schema: {
        summary: "Every variable's value for a conversation (the picker fills phrases with it); missing ones say why",
        tags: ['quick-replies'],
        querystring: QuickReplyVariablesQuery,
        response: { 200: QuickReplyVariables },
      },
    },
    async (request) =>
      conversationVariables(ctx, agentOf(request), request.query.conversationId, languageOf(request.headers['accept-language'])),
  );

  app.get(
    '/api/v1/quick-replies/:id/preview',
    {
      config: { capability: 'quick_replies.use' },
      schema: {
        summary: 'The phrase with its variables filled for a conversation',
        tags: ['quick-replies'],
        params: IdParams,
        querystring: QuickReplyVariablesQuery,
        response: { 200: QuickReplyPreviewResponse },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const row = await findQuickReply(ctx.storage.db, agent.shopId, request.params.id);
      if (!row || !mayReadQuickReply(agent, row)) throw new AppError('not_found', { thing: 'quick_reply' });
      const variables = await conversationVariables(
        ctx,
        agent,
        request.query.conversationId,
        languageOf(request.headers['accept-language']),
      );
      return { preview: fillQuickReply(row.content, variables) };
    },
  );

  app.post(
    '/api/v1/quick-replies/render',
    {
      config: { capability: 'quick_replies.use' },
      schema: {
        summary: 'Fill the variables of any text (an unsaved phrase) for a conversation',
        tags: ['quick-replies'],
        body: RenderQuickReplyRequest,
        response: { 200: QuickReplyPreviewResponse },
      },
    },
    async (request) => {
      const variables = await conversationVariables(
        ctx,
        agentOf(request),
        request.body.conversationId,
        languageOf(request.headers['accept-language']),
      );
      return { preview: fillQuickReply(request.body.content, variables) };
    },
  );

  app.get(
    '/api/v1/quick-replies/export',
    {
      config: { capability: 'quick_replies.use' },
      schema: {
        summary: 'Download phrases as CSV or xlsx (分组, 快捷编码, 内容)',
        tags: ['quick-replies'],
        querystring: QuickReplyExportQuery,
      },
    },
    async (request, reply) => {
      const agent = agentOf(request);
      const { format, scope } = request.query;
      const db = ctx.storage.db;
      const rows = [
        ...(scope === 'personal' ? [] : await listScopeQuickReplies(db, agent.shopId, 'team', '')),
        ...(scope === 'team' ? [] : await listScopeQuickReplies(db, agent.shopId, 'personal', agent.agentId)),
      ];
      const bytes = format === 'csv' ? quickRepliesCsv(rows) : await quickRepliesXlsx(rows);
      const name = `快捷短语.${format}`;
      return reply
        .header('content-type', format === 'csv' ? `${IMPORT_CONTENT_TYPES.csv}; charset=utf-8` : IMPORT_CONTENT_TYPES.xlsx)
        .header('content-disposition', attachmentHeader(`quick-replies.${format}`, name))
        .send(bytes);
    },
  );

  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/v1/quick-replies/import',
      {
        config: { capability: 'quick_replies.use' },
        bodyLimit: MAX_FILE_BYTES,
        // Role first, before a large body is read.
        onRequest: async (request) => {
          if ((request.query as { scope?: string }).scope !== 'personal' && !can(agentOf(request), 'quick_replies.edit_team')) {
            throw new AppError('forbidden');
          }
        },
        errorHandler: (error: FastifyError, request, reply) => {
          const mapped =
            error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
              ? new AppError('payload_too_large', { limit: '10 MB' })
              : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
                ? new AppError('import_file_unsupported')
                : error;
          const { status, body } = toErrorResponse(mapped, request);
          if (status >= 500) request.log.error({ err: error }, 'quick-reply import failed');
          return reply.status(status as 200).send(body as never);
        },
        schema: {
          summary: 'Import phrases from CSV or xlsx (raw body; columns 分组, 快捷编码, 内容); per-line errors, good rows kept',
          tags: ['quick-replies'],
          consumes: FILE_TYPES,
          querystring: QuickReplyImportQuery,
          response: { 200: QuickReplyImportResult },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('import_file_unsupported');
        return importQuickReplies(
          { app: ctx, actor: agentOf(request) },
          {
            scope: request.query.scope,
            bytes: request.body,
            language: languageOf(request.headers['accept-language']),
          },
        );
      },
    );
  });
}
