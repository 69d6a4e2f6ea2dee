import { UploadResponse } from '@golddesk/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { IMAGE_TYPES, MAX_IMAGE_BYTES, uploadImage } from './commands/upload-image.js';
import { readAttachmentBytes } from './attachment.repository.js';
import { imageThumbnail } from './image-thumbnail.js';
import { limitBuyerUploads } from './upload-limits.js';

export function registerAttachmentRoutes(app: HttpServer, ctx: AppContext) {
  // Images arrive as the raw request body (what a clipboard paste gives the browser).
  app.addContentTypeParser([...IMAGE_TYPES], { parseAs: 'buffer', bodyLimit: MAX_IMAGE_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  for (const [url, auth] of [
    ['/api/v1/uploads', 'agent'],
    ['/api/v1/widget/uploads', 'buyer'],
  ] as const) {
    app.post(
      url,
      {
        // Agents send images into chats: serving buyers is what allows it.
        config: auth === 'agent' ? { auth, capability: 'conversations.serve' as const } : { auth },
        bodyLimit: MAX_IMAGE_BYTES,
        // Before the body is read: a buyer over their rate does not get to send 5 MB first.
        preParsing: async (request) => limitBuyerUploads(ctx, request.principal!, request.ip),
        schema: {
          summary: `Upload a chat image (${auth})`,
          tags: [auth === 'agent' ? 'agents' : 'widget'],
          consumes: [...IMAGE_TYPES],
          response: { 201: UploadResponse },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported_media_type');
        const attachment = await uploadImage(
          { app: ctx, actor: request.principal! },
          { contentType: request.headers['content-type'] ?? '', bytes: request.body },
        );
        return reply.status(201).send({ attachment });
      },
    );
  }

  app.get(
    '/api/v1/attachments/:id',
    {
      config: { auth: 'public' },
      schema: {
        summary: 'An uploaded image (ids are unguessable); ?thumb=1: a small JPEG of it',
        tags: ['public'],
        params: z.object({ id: z.string().max(64) }),
        querystring: z.object({ thumb: z.enum(['1']).optional() }),
      },
    },
    async (request, reply) => {
      const file = await readAttachmentBytes(ctx.storage.db, request.params.id);
      if (!file) throw new AppError('not_found', { thing: 'attachment' });
      const thumbnail = request.query.thumb ? await imageThumbnail(request.params.id, Buffer.from(file.bytes)) : undefined;
      return reply
        .header('content-type', thumbnail ? 'image/jpeg' : file.content_type)
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(thumbnail ?? Buffer.from(file.bytes));
    },
  );
}
