import type { AppContext } from '../../platform/app-context.js';
import type { MessageOrigin } from '../../platform/events/domain-events.js';
import { announceConversations } from './conversation.events.js';
import { handOverArrival } from './conversation-arrivals.js';
import { presentMessage } from './message.presenter.js';
import type { StoredMessage } from './message.repository.js';

/**
 * After the commit: `message.created` for each new message (presented once, kept on `stored.message`),
 * and a fresh summary for conversations whose wait, assignee or status moved. `held[i]`: a blacklisted
 * buyer's message, which reaches the buyer's own sockets but no agent.
 */
export function publishStoredMessages(app: AppContext, stored: StoredMessage[], origins: MessageOrigin[], held: boolean[] = []) {
  const changed = new Map<string, string>();
  stored.forEach((entry, i) => {
    if (!entry.created) return;
    const { row } = entry;
    entry.message = presentMessage(row);
    app.bus.publish({
      type: 'message.created',
      shopId: row.shop_id,
      conversationId: row.conversation_id,
      message: entry.message,
      origin: origins[i]!,
      ...(held[i] ? { held: true } : {}),
    });
    // A held conversation (blacklisted buyer) must not appear in the agents' lists, nor be routed.
    if (entry.conversationChanged && !held[i]) changed.set(row.conversation_id, row.shop_id);
    if (entry.arrived && !held[i])
      handOverArrival(app, { shopId: row.shop_id, conversationId: row.conversation_id, message: entry.message });
  });
  for (const [conversationId, shopId] of changed) {
    void announceConversations(app, shopId, [conversationId]).catch((err) =>
      app.log.warn({ err }, 'could not announce conversation'),
    );
  }
}
