import fastifyCors from '@fastify/cors';
import type { HttpServer } from './http-server.js';

/** What the widget calls from a shop's own domain. Bearer tokens, no cookies, so any origin is safe here. */
export const PUBLIC_PREFIXES = ['/api/v1/widget/', '/api/v1/shops/', '/api/v1/attachments/'];

/** The widget is embedded on shops' own sites; the agent API stays same-origin. */
export async function registerCrossOrigin(app: HttpServer) {
  await app.register(fastifyCors, {
    delegator: (request, callback) => {
      const url = request.url ?? '';
      const open = PUBLIC_PREFIXES.some((prefix) => url.startsWith(prefix));
      callback(
        null,
        open
          ? {
              origin: '*',
              methods: ['GET', 'POST'],
              allowedHeaders: ['authorization', 'content-type', 'accept-language'],
              maxAge: 86400,
            }
          : { origin: false },
      );
    },
  });
}
