import { chinaTimeOf } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { newId } from '../../platform/ids.js';
import { findConversationBuyerNick, messageWriterOf } from '../conversations/index.js';
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
 * Sends the rule's reply as a 'bot' message, once, through the message writer's queue, so replies join the group
 * commits of chat traffic instead of a transaction each. Under the conversation's lock the batch holds the reply back
 * when this rule replied in the conversation within its cooldown (a reply's clientMsgId starts `auto:<rule>:`), drops
 * a repeat for the same buyer message (clientMsgId `auto:<rule>:<trigger>`), and records the hit (UNIQUE rule +
 * trigger message) with the message, so a hit is never counted without its message or the reverse. Published with
 * origin 'automation' after the commit (which automation ignores: no loops). Returns whether a reply was sent.
 */
export async function fireAutoReply(app: AppContext, props: FireProps): Promise<boolean> {
  const { rule, shopId, conversationId, triggerMessageId } = props;
  const db = app.storage.db;
  const buyer = await findConversationBuyerNick(db, shopId, conversationId);
  if (!buyer) return false;
  const body = await renderReplyText(db, rule.text, { shopId, buyerNick: buyer.nick, now: app.now() });
  if (!body) return false;

  const now = app.now();
  const at = now.toISOString();
  const messageId = newId();
  const cooldown = Number(rule.cooldown_minutes);
  const prefix = `auto:${rule.id}:`;
  const { created } = await messageWriterOf(app).write({
    id: messageId,
    shopId,
    conversationId,
    sender: 'bot',
    agentId: null,
    kind: 'text',
    body,
    payload: null,
    clientMsgId: `${prefix}${triggerMessageId}`,
    createdAt: at,
    origin: 'automation',
    ...(cooldown > 0
      ? { unlessWrittenSince: { clientMsgIdPrefix: prefix, since: new Date(now.getTime() - cooldown * 60_000).toISOString() } }
      : {}),
    companions: [
      {
        table: 'auto_reply_hits',
        values: {
          id: newId(),
          shop_id: shopId,
          rule_id: rule.id,
          conversation_id: conversationId,
          trigger_message_id: triggerMessageId,
          reply_message_id: messageId,
          fired_at: at,
          day: chinaTimeOf(now).date,
        },
      },
    ],
  });
  return created;
}
