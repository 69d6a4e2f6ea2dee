import { isOptOutMessage, OPT_IN_WORD } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { DomainEvent } from '../../platform/events/domain-events.js';
import type { OutboxRelay } from '../../platform/events/outbox-relay.js';
import { recordAudit } from '../audit/index.js';
import { findConversation, messageWriterOf } from '../conversations/index.js';
import { deleteOptOut, insertOptOut } from './broadcast.repository.js';

export const OPT_OUT_ACK = '已为您退订本店的营销消息，之后不会再收到群发活动通知。如需恢复，请回复「订阅」。';
export const OPT_IN_ACK = '已为您恢复订阅本店的活动通知，感谢关注～';

type MessageCreated = Extract<DomainEvent, { type: 'message.created' }>;

/**
 * 退订: a buyer who writes exactly 退订 or TD (any case) is opted out of marketing messages (broadcasts skip
 * them as `opted_out`) and gets an acknowledgement; 订阅 opts back in. Only the buyer's own, not held, text
 * messages count. Every process hears the event; the insert/delete decides which one acknowledges.
 */
export async function onOptOutMessage(app: AppContext, event: MessageCreated): Promise<boolean> {
  const { shopId, conversationId, message } = event;
  const body = message.body.trim();
  const optOut = isOptOutMessage(body);
  if (!optOut && body !== OPT_IN_WORD) return false;
  const now = app.now().toISOString();
  // Through the message writer, inside this transaction: the opt-out and its acknowledgement commit together.
  return messageWriterOf(app).transaction(async (trx, writeMessage) => {
    const conversation = await findConversation(trx, shopId, conversationId);
    if (!conversation) return false;
    const buyerId = conversation.buyer_id;
    const changed = optOut
      ? await insertOptOut(trx, { buyer_id: buyerId, shop_id: shopId, opted_out_at: now, source: message.id })
      : await deleteOptOut(trx, buyerId);
    if (changed !== 1) return false;
    await writeMessage({
      shopId,
      conversationId,
      sender: 'bot',
      agentId: null,
      kind: 'text',
      body: optOut ? OPT_OUT_ACK : OPT_IN_ACK,
      payload: JSON.stringify({ automation: { kind: optOut ? 'opt_out' : 'opt_in' } }),
      clientMsgId: `opt:${message.id}`,
      createdAt: now,
      origin: 'automation',
    });
    await recordAudit(trx, {
      shopId,
      actor: { kind: 'system', id: null, name: '群发' },
      action: optOut ? 'buyer.opted_out' : 'buyer.opted_in',
      targetType: 'buyer',
      targetId: buyerId,
      before: null,
      after: { messageId: message.id },
      at: now,
    });
    return true;
  });
}

/**
 * Handles 退订 / 订阅 as a consumer of the outbox relay: once across processes, even when the live bus dropped the
 * event; a failure is retried by the relay. stop() unsubscribes.
 */
export function startOptOutListener(app: AppContext, relay: OutboxRelay): { stop(): Promise<void>; settle(): Promise<void> } {
  const unsubscribe = relay.subscribe('broadcasts.opt-out', async ({ event }) => {
    if (event.type !== 'message.created' || event.origin !== 'buyer' || event.message.sender !== 'buyer' || event.held) return;
    if (event.message.kind !== 'text') return;
    await onOptOutMessage(app, event);
  });
  const handle = {
    settle: () => relay.drain(),
    async stop() {
      unsubscribe();
    },
  };
  listeners.set(app, handle);
  return handle;
}

const listeners = new WeakMap<AppContext, { settle(): Promise<void> }>();

/** Resolves once every 退订 / 订阅 committed so far has been handled (for tests). */
export async function settleOptOuts(app: AppContext): Promise<void> {
  await listeners.get(app)?.settle();
}
