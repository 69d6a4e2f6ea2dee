import { isWithinBusinessHours } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import type { DomainEvent } from '../../../platform/events/domain-events.js';
import { loadShopHours } from '../../shop-hours/index.js';
import { enabledRulesOf } from '../auto-reply-memory.js';
import { fireAutoReply } from '../fire-auto-reply.js';

type BuyerQueued = Extract<DomainEvent, { type: 'conversation.queued' }>;

/**
 * With automatic assignment, routing knows when nobody has room: the buyer is queued, and the busy reply (if the
 * shop has one) answers the message that brought them — inside business hours (outside them the offline reply
 * already spoke). Every process hears the event; the reply is sent once per buyer message all the same.
 */
export async function onBuyerQueued(app: AppContext, event: BuyerQueued): Promise<void> {
  const busy = (await enabledRulesOf(app, event.shopId)).find((rule) => rule.kind === 'busy');
  if (!busy) return;
  if (!isWithinBusinessHours(await loadShopHours(app.storage.db, event.shopId), app.now())) return;
  await fireAutoReply(app, {
    rule: busy,
    shopId: event.shopId,
    conversationId: event.conversationId,
    triggerMessageId: event.triggerMessageId,
  });
}
