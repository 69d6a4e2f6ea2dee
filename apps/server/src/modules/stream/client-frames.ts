import { ClientFrame, MAX_PAGE_SIZE } from '@golddesk/contracts';
import type { AppContext, CommandContext } from '../../platform/app-context.js';
import { AppError, errorMessage, type Language } from '../../platform/http/errors.js';
import type { StreamConnection } from '../../platform/realtime/stream-connection.js';
import { findControlText } from '../../platform/text/control-text.js';
import { markRead } from '../conversations/index.js';
import { isBuyerBlocked } from '../conversations/index.js';
import { limitBuyerMessages } from '../conversations/index.js';
import { prepareMessage } from '../conversations/index.js';
import { presentMessage } from '../conversations/index.js';
import { listMessages } from '../conversations/index.js';
import { listConversationIdsOfBlockedBuyers, listShopConversationIds } from '../conversations/index.js';
import type { MessageWriter } from '../conversations/index.js';
import { TypingThrottle } from './typing-throttle.js';

const MAX_RESUME_CONVERSATIONS = 1000;
/** A typing burst is one signal; more than one a second is noise. */
const TYPING_INTERVAL_MS = 1000;

/**
 * Handles what a client sends over its socket; every frame goes through the same commands (and limits) as HTTP.
 * `address` is the client's network address at the handshake. dispose() when the socket closes.
 */
export function createFrameHandler(
  app: AppContext,
  writer: MessageWriter,
  connection: StreamConnection,
  language: Language,
  address: string,
) {
  const ctx: CommandContext = { app, actor: connection.principal };
  const side = connection.principal.kind === 'agent' ? 'agent' : 'buyer';
  const typing = new TypingThrottle(
    TYPING_INTERVAL_MS,
    async (conversationId, value) => {
      // A blacklisted buyer's conversation is held from the agents, typing included.
      if (connection.principal.kind === 'buyer' && (await isBuyerBlocked(app.storage.db, connection.principal.buyerId))) return;
      app.bus.publish({
        type: 'conversation.typing_changed',
        shopId: connection.principal.shopId,
        conversationId,
        side,
        typing: value,
      });
    },
    (err: unknown) => app.log.warn({ err }, 'typing signal failed'),
  );

  const fail = (error: unknown) => {
    const appError = error instanceof AppError ? error : new AppError('internal');
    if (!(error instanceof AppError)) app.log.error({ err: error }, 'stream frame failed');
    return { code: appError.code, message: errorMessage(appError, language) };
  };

  const handle = async (raw: string) => {
    let frame;
    try {
      frame = ClientFrame.parse(JSON.parse(raw));
    } catch {
      connection.sendJson({ type: 'error', error: fail(new AppError('invalid_input', { detail: 'frame' })) });
      return;
    }
    // HTTP's refusal of control characters (NUL and the like) holds on the socket too, before anything is stored.
    const controlField = findControlText(frame, 'frame');
    if (controlField) {
      const error = fail(new AppError('invalid_text', { field: controlField.slice(0, 120) }));
      connection.sendJson(
        frame.type === 'message.send'
          ? { type: 'message.rejected', clientMsgId: frame.clientMsgId, error }
          : { type: 'error', error },
      );
      return;
    }
    const ownConversation = connection.principal.kind === 'buyer' ? connection.principal.conversationId : undefined;
    try {
      switch (frame.type) {
        case 'ping':
          connection.sendJson({ type: 'pong' });
          return;
        case 'resume':
          await resume(app, connection, new Map(Object.entries(frame.cursors)));
          return;
        case 'typing': {
          const conversationId = ownConversation ?? frame.conversationId;
          if (ownConversation && frame.conversationId !== ownConversation) return;
          if (side === 'agent') await resumeAccessCheck(app, connection, [conversationId]);
          typing.offer(conversationId, frame.typing);
          return;
        }
        case 'read':
          await markRead(ctx, { conversationId: frame.conversationId, seq: frame.seq });
          return;
        case 'message.send': {
          // Prepared in frame order, then handed to the writer, which keeps that order; the socket's
          // next frame does not wait for this commit. The ack goes out once the message is durable.
          const reject = (error: unknown) =>
            connection.sendJson({ type: 'message.rejected', clientMsgId: frame.clientMsgId, error: fail(error) });
          try {
            const conversationId = ownConversation ?? frame.conversationId;
            if (!conversationId) throw new AppError('invalid_input', { detail: 'conversationId' });
            await limitBuyerMessages(app, connection.principal, address);
            const draft = await prepareMessage(ctx, { ...frame, conversationId });
            writer
              .write(draft)
              .then(
                ({ message }) => connection.sendJson({ type: 'message.ack', clientMsgId: frame.clientMsgId, message }),
                reject,
              );
          } catch (error) {
            reject(error);
          }
          return;
        }
      }
    } catch (error) {
      connection.sendJson({ type: 'error', error: fail(error) });
    }
  };
  return { handle, dispose: () => typing.stop() };
}

/** Which of these conversations the connection may see (own shop for agents, own conversation for buyers). */
async function resumeAccessCheck(app: AppContext, connection: StreamConnection, ids: string[]): Promise<string[]> {
  const p = connection.principal;
  if (p.kind === 'buyer') return ids.filter((id) => id === p.conversationId);
  if (ids.length === 0) return [];
  const visible = await listShopConversationIds(app.storage.db, p.shopId, ids);
  if (visible.length === 0) throw new AppError('not_found', { thing: 'conversation' });
  return visible;
}

async function withoutBlockedBuyers(app: AppContext, conversationIds: string[]): Promise<string[]> {
  if (conversationIds.length === 0) return [];
  const held = new Set(await listConversationIdsOfBlockedBuyers(app.storage.db, conversationIds));
  return conversationIds.filter((id) => !held.has(id));
}

/** Sends every message after each cursor in seq order; live frames wait meanwhile and are de-duplicated. */
async function resume(app: AppContext, connection: StreamConnection, cursors: Map<string, number>) {
  const ids = [...cursors.keys()].slice(0, MAX_RESUME_CONVERSATIONS);
  const visible = ids.length ? await resumeAccessCheck(app, connection, ids).catch(() => []) : [];
  // Held messages of a blacklisted buyer stay held from agents on a resume too, as they are live.
  const allowed = connection.principal.kind === 'agent' ? await withoutBlockedBuyers(app, visible) : visible;
  connection.beginCatchUp(new Map(allowed.map((id) => [id, cursors.get(id)!])));
  try {
    for (const conversationId of allowed) {
      let afterSeq = cursors.get(conversationId)!;
      for (;;) {
        const page = await listMessages(app.storage.db, conversationId, { afterSeq, limit: MAX_PAGE_SIZE });
        for (const row of page.rows) {
          const message = presentMessage(row);
          connection.sendCaughtUp(conversationId, message.seq, JSON.stringify({ type: 'message.created', message }));
          afterSeq = message.seq;
        }
        if (!page.hasMore) break;
      }
    }
  } finally {
    connection.endCatchUp();
  }
  connection.sendJson({ type: 'synced' });
}
