import { isOptOutMessage, OPT_IN_WORD } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { DomainEvent } from '../../platform/events/domain-events.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { publishStoredMessages } from '../messages/message.events.js';
import { storeMessageBatch, type StoredMessage } from '../messages/message.repository.js';

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
  let stored: StoredMessage | undefined;
  await app.storage.db.transaction().execute(async (trx) => {
    const conversation = await trx.selectFrom('conversations').select('buyer_id').where('id', '=', conversationId).where('shop_id', '=', shopId)
      .executeTakeFirst();
    if (!conversation) return;
    const buyerId = conversation.buyer_id;
    const changed = optOut
      ? Number((await trx.insertInto('marketing_opt_outs').values({ buyer_id: buyerId, shop_id: shopId, opted_out_at: now, source: message.id })
        .onConflict((oc) => oc.column('buyer_id').doNothing()).executeTakeFirst()).numInsertedOrUpdatedRows ?? 0)
      : Number((await trx.deleteFrom('marketing_opt_outs').where('buyer_id', '=', buyerId).executeTakeFirst()).numDeletedRows);
    if (changed !== 1) return;
    [stored] = await storeMessageBatch(trx, [{
      id: newId(), shopId, conversationId, sender: 'bot', agentId: null, kind: 'text', body: optOut ? OPT_OUT_ACK : OPT_IN_ACK,
      payload: JSON.stringify({ automation: { kind: optOut ? 'opt_out' : 'opt_in' } }), clientMsgId: `opt:${message.id}`, createdAt: now,
    }]);
    await recordAudit(trx, {
      shopId, actor: { kind: 'system', id: null, name: '群发' }, action: optOut ? 'buyer.opted_out' : 'buyer.opted_in',
      targetType: 'buyer', targetId: buyerId, before: null, after: { messageId: message.id }, at: now,
    });
  });
  if (stored) publishStoredMessages(app, [stored], ['automation']);
  return !!stored;
}

/** Listens for 退订 / 订阅 after commit in this process. stop() unsubscribes and waits for work in flight. */
export function startOptOutListener(app: AppContext): { stop(): Promise<void>; settle(): Promise<void> } {
  const inFlight = new Set<Promise<unknown>>();
  const unsubscribe = app.bus.subscribe((event) => {
    if (event.type !== 'message.created' || event.origin !== 'buyer' || event.message.sender !== 'buyer' || event.held) return;
    if (event.message.kind !== 'text') return;
    const work: Promise<unknown> = onOptOutMessage(app, event).catch((err: unknown) => app.log.warn({ err }, 'opt-out failed'))
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  const settle = async () => {
    while (inFlight.size) await Promise.all([...inFlight]);
  };
  const handle = {
    settle,
    async stop() {
      unsubscribe();
      await settle();
    },
  };
  listeners.set(app, handle);
  return handle;
}

const listeners = new WeakMap<AppContext, { settle(): Promise<void> }>();

/** Resolves once this process has handled every 退订 / 订阅 it heard so far (for tests). */
export async function settleOptOuts(app: AppContext): Promise<void> {
  await listeners.get(app)?.settle();
}
