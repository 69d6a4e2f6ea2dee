import { IMPORT_CONTENT_TYPES, ImportResponse, ListImportsResponse, StartImportQuery } from '@golddesk/contracts';
import type { FastifyError } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { agentOf } from '../../platform/http/auth.js';
import { AppError, languageOf } from '../../platform/http/errors.js';
import { requireCapability } from '../../platform/http/require-capability.js';
import { toErrorResponse, type HttpServer } from '../../platform/http/http-server.js';
import { startImport } from './commands/start-import.js';
import { MAX_IMPORT_BYTES } from './import-file.js';
import { presentImport } from './import.presenter.js';
import { findImport, listImports } from './import.repository.js';

/** What browsers and tools send for these files (Windows labels .csv as vnd.ms-excel); the bytes decide. */
const FILE_TYPES = [
  IMPORT_CONTENT_TYPES.csv,
  IMPORT_CONTENT_TYPES.xlsx,
  'application/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

export function registerImportRoutes(app: HttpServer, ctx: AppContext) {
  // Role first, before a large body is read.
  const importersOnly = async (request: Parameters<typeof agentOf>[0]) => {
    requireCapability(agentOf(request), 'imports.run');
  };

  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/v1/imports',
      {
        bodyLimit: MAX_IMPORT_BYTES,
        onRequest: importersOnly,
        // Body refusals name this route's limit and file types, not the server-wide JSON ones.
        errorHandler: (error: FastifyError, request, reply) => {
          const mapped =
            error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
              ? new AppError('payload_too_large', { limit: '20 MB' })
              : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
                ? new AppError('import_file_unsupported')
                : error;
          const { status, body } = toErrorResponse(mapped, request);
          if (status >= 500) request.log.error({ err: error }, 'import upload failed');
          return reply.status(status as 202).send(body as never);
        },
        schema: {
          summary: 'Import orders or products from a CSV or xlsx file (raw body); runs in the background',
          tags: ['imports'],
          consumes: FILE_TYPES,
          querystring: StartImportQuery,
          response: { 202: ImportResponse },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('import_file_unsupported');
        const view = await startImport(
          { app: ctx, actor: agentOf(request) },
          {
            kind: request.query.kind,
            bytes: request.body,
            fileName: request.query.name ?? null,
            language: languageOf(request.headers['accept-language']),
          },
        );
        return reply.status(202).send({ import: view });
      },
    );
  });

  app.get(
    '/api/v1/imports',
    {
      onRequest: importersOnly,
      schema: {
        summary: 'The latest imports of the shop, newest first',
        tags: ['imports'],
        response: { 200: ListImportsResponse },
      },
    },
    async (request) => {
      const rows = await listImports(ctx.storage.db, agentOf(request).shopId, 20);
      const language = languageOf(request.headers['accept-language']);
      return { imports: rows.map((row) => presentImport(row, language, ctx.now())) };
    },
  );

  app.get(
    '/api/v1/imports/:id',
    {
      onRequest: importersOnly,
      schema: {
        summary: 'One import with its live progress and failed rows',
        tags: ['imports'],
        params: z.object({ id: z.string().max(64) }),
        response: { 200: ImportResponse },
      },
    },
    async (request) => {
      const row = await findImport(ctx.storage.db, agentOf(request).shopId, request.params.id);
      if (!row) throw new AppError('not_found', { thing: 'import' });
      return { import: presentImport(row, languageOf(request.headers['accept-language']), ctx.now()) };
    },
  );
}
