import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { AppError, errorMessage, languageOf } from '../../platform/http/errors.js';
import type { HttpServer } from '../../platform/http/http-server.js';
import { CLOSE_TOO_MANY_FRAMES, FrameBudget } from '../../platform/realtime/frame-budget.js';
import { StreamConnection } from '../../platform/realtime/stream-connection.js';
import { CLOSE_UNAUTHORIZED, type StreamHub } from '../../platform/realtime/stream-hub.js';
import { authenticate } from '../auth/index.js';
import type { MessageWriter } from '../conversations/index.js';
import { queuePlaceOf } from '../routing/index.js';
import { trackAgentPresence } from './agent-presence-tracking.js';
import { createFrameHandler } from './client-frames.js';

const HEARTBEAT_MS = 30_000;

/** GET /api/v1/stream?token=… — the token is checked before the upgrade, so a bad one gets a plain 401. */
export function registerStreamRoutes(app: HttpServer, ctx: AppContext, hub: StreamHub, writer: MessageWriter) {
  const connections = new Set<StreamConnection>();
  // The token's expiry, from the upgrade's check to the socket handler.
  const expiries = new WeakMap<object, number>();
  const heartbeat = setInterval(() => {
    for (const c of connections) {
      if (!c.alive) {
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      c.socket.ping();
    }
    hub.closeExpired();
    ctx.presence.refresh().catch((err: unknown) => ctx.log.warn({ err }, 'presence refresh failed'));
  }, HEARTBEAT_MS).unref();
  app.addHook('onClose', async () => clearInterval(heartbeat));

  app.get(
    '/api/v1/stream',
    {
      websocket: true,
      config: { auth: 'public' },
      schema: {
        summary: 'WebSocket stream of live events (upgrade); first frame {"type":"ready"}',
        description:
          'A buyer socket sending more than BUYER_STREAM_FRAMES_PER_10S frames in 10 s is closed with code 4429 and a ' +
          'reason the buyer can read (发送太频繁，请稍后再试).',
        tags: ['realtime'],
        querystring: z.object({ token: z.string().max(4096).optional() }),
      },
      preValidation: async (request) => {
        const token = (request.query as { token?: string }).token;
        if (!token) throw new AppError('unauthenticated');
        const verified = await authenticate(ctx, token);
        request.principal = verified.principal;
        expiries.set(request, verified.expiresAtMs);
      },
    },
    (socket: WebSocket, request) => {
      const connection = new StreamConnection(socket, request.principal!, expiries.get(request));
      const language = languageOf(request.headers['accept-language']);
      const frames = createFrameHandler(ctx, writer, connection, language, request.ip);
      // Buyers are anonymous and many: one flooding socket (typing on/off, pings…) is cut off, not served.
      const budget =
        connection.principal.kind === 'buyer'
          ? new FrameBudget(ctx.config.buyerStreamFramesPer10s, 10_000, () => ctx.now().getTime())
          : undefined;
      let flooded = false;
      connections.add(connection);
      hub.add(connection);
      const leavePresence = trackAgentPresence(ctx, connection);
      // Frames of one socket are handled in order: a send after a resume sees the resume done.
      let queue = Promise.resolve();
      socket.on('message', (data, isBinary) => {
        if (flooded) return;
        if (budget && !budget.take()) {
          flooded = true;
          socket.close(CLOSE_TOO_MANY_FRAMES, errorMessage(new AppError('too_many_messages'), language));
          return;
        }
        if (isBinary) return;
        const text = data.toString();
        queue = queue.then(() => frames.handle(text));
      });
      socket.on('pong', () => (connection.alive = true));
      socket.on('close', () => {
        frames.dispose();
        connections.delete(connection);
        hub.remove(connection);
        leavePresence();
      });
      socket.on('error', () => socket.terminate());
      connection.sendJson({ type: 'ready' });
      // A sign-out that committed between the upgrade's check and hub.add published before this socket could
      // hear it: look once more now that it listens.
      if (connection.principal.kind === 'agent') {
        authenticate(ctx, (request.query as { token: string }).token).catch(() =>
          socket.close(CLOSE_UNAUTHORIZED, 'session ended'),
        );
      } else {
        // A queued buyer who reloads learns their place at once (later changes come as frames).
        const { shopId, conversationId } = connection.principal;
        void queuePlaceOf(ctx, shopId, conversationId)
          .then((position) => position !== null && connection.sendJson({ type: 'queue.position', position }))
          .catch(() => undefined);
      }
    },
  );
}
