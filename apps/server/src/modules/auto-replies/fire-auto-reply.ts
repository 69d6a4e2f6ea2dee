import { chinaTimeOf } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { newId } from '../../platform/ids.js';
import { publishStoredMessages } from '../messages/message.events.js';
import { storeMessageBatch } from '../messages/message.repository.js';
import { renderReplyText } from './auto-reply-text.js';
import type { AutoReplyRow } from './auto-reply.repository.js';

export interface FireProps {
  rule: AutoReplyRow;
  shopId: string;
  conversationId: string;
  /** The buyer message that triggered the rule: (rule, message) is sent at most once, by any process. */
  triggerMessageId: string;
}

/**
 * Sends the rule's reply as a 'bot' message, once: in one transaction it locks the conversation, checks the
 * rule's cooldown for this conversation, records the hit (UNIQUE rule + trigger message) and stores the message,
 * so a hit is never counted without its message or the reverse. Publishes with origin 'automation' after the
 * commit (which automation listeners ignore: no loops). Returns whether a reply was sent.
 */
export async function fireAutoReply(app: AppContext, props: FireProps): Promise<boolean> {
  const { rule, shopId, conversationId, triggerMessageId } = props;
  const db = app.storage.db;
  const now = app.now();
  const at = now.toISOString();
  const buyer = await db.selectFrom('conversations as c').innerJoin('buyers as b', 'b.id', 'c.buyer_id').select('b.nick')
    .where('c.id', '=', conversationId).where('c.shop_id', '=', shopId).executeTakeFirst();
  if (!buyer) return false;
  const body = await renderReplyText(db, rule.text, { shopId, buyerNick: buyer.nick, now });
  if (!body) return false;

  const stored = await db.transaction().execute(async (trx) => {
    // The no-op update takes the conversation's row lock (PostgreSQL), so the cooldown check and the hit are one step.
    await trx.updateTable('conversations').set((eb) => ({ last_seq: eb.ref('last_seq') })).where('id', '=', conversationId).execute();
    const cooldown = Number(rule.cooldown_minutes);
    if (cooldown > 0) {
      const since = new Date(now.getTime() - cooldown * 60_000).toISOString();
      const recent = await trx.selectFrom('auto_reply_hits').select('id').where('rule_id', '=', rule.id)
        .where('conversation_id', '=', conversationId).where('fired_at', '>', since).limit(1).executeTakeFirst();
      if (recent) return undefined;
    }
    const messageId = newId();
    const hit = await trx.insertInto('auto_reply_hits').values({
      id: newId(), shop_id: shopId, rule_id: rule.id, conversation_id: conversationId, trigger_message_id: triggerMessageId,
      reply_message_id: messageId, fired_at: at, day: chinaTimeOf(now).date,
    }).onConflict((oc) => oc.columns(['rule_id', 'trigger_message_id']).doNothing()).executeTakeFirst();
    if (Number(hit.numInsertedOrUpdatedRows ?? 0) === 0) return undefined;
    const [message] = await storeMessageBatch(trx, [{
      id: messageId, shopId, conversationId, sender: 'bot', agentId: null, kind: 'text', body,
      payload: null, clientMsgId: `auto:${rule.id}:${triggerMessageId}`, createdAt: at,
    }]);
    return message;
  });
  if (!stored) return false;
  publishStoredMessages(app, [stored], ['automation']);
  return true;
}
