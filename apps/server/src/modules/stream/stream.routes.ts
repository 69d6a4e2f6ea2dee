import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { AppError, languageOf } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { StreamConnection } from '../../platform/realtime/stream-connection.js';
import type { StreamHub } from '../../platform/realtime/stream-hub.js';
import type { MessageWriter } from '../messages/message-writer.js';
import { createFrameHandler } from './client-frames.js';

const HEARTBEAT_MS = 30_000;

/** GET /api/v1/stream?token=… — the token is checked before the upgrade, so a bad one gets a plain 401. */
export function registerStreamRoutes(app: HttpServer, ctx: AppContext, hub: StreamHub, writer: MessageWriter) {
  const connections = new Set<StreamConnection>();
  const heartbeat = setInterval(() => {
    for (const c of connections) {
      if (!c.alive) {
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      c.socket.ping();
    }
  }, HEARTBEAT_MS).unref();
  app.addHook('onClose', async () => clearInterval(heartbeat));

  app.get('/api/v1/stream', {
    websocket: true,
    config: { auth: 'public' },
    schema: {
      summary: 'WebSocket stream of live events (upgrade); first frame {"type":"ready"}', tags: ['realtime'],
      querystring: z.object({ token: z.string().max(4096).optional() }),
    },
    preValidation: async (request) => {
      const token = (request.query as { token?: string }).token;
      if (!token) throw new AppError('unauthenticated');
      request.principal = ctx.tokens.check(token);
    },
  }, (socket: WebSocket, request) => {
    const connection = new StreamConnection(socket, request.principal!);
    const handle = createFrameHandler(ctx, writer, connection, languageOf(request.headers['accept-language']));
    connections.add(connection);
    hub.add(connection);
    // Frames of one socket are handled in order: a send after a resume sees the resume done.
    let queue = Promise.resolve();
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = data.toString();
      queue = queue.then(() => handle(text));
    });
    socket.on('pong', () => (connection.alive = true));
    socket.on('close', () => {
      connections.delete(connection);
      hub.remove(connection);
    });
    socket.on('error', () => socket.terminate());
    connection.sendJson({ type: 'ready' });
  });
}
