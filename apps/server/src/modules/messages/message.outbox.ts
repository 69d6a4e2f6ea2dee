import type { OutboxEvent } from '../../platform/events/outbox.js';
import { presentMessage } from './message.presenter.js';
import type { NewMessage, StoredMessage } from './message.repository.js';

/**
 * The outbox events of a stored batch: `message.created` for each new message that has an origin (a live message;
 * history written without one, such as the demo seed, is news to nobody). Held messages are recorded too, marked
 * held, so every consumer applies the same rule as the live frame.
 */
export function messageCreatedEvents(batch: NewMessage[], results: (StoredMessage | undefined)[]): OutboxEvent[] {
  const events: OutboxEvent[] = [];
  batch.forEach((input, index) => {
    const stored = results[index];
    if (!input.origin || !stored?.created) return;
    const { row } = stored;
    events.push({
      type: 'message.created',
      shopId: row.shop_id,
      conversationId: row.conversation_id,
      message: presentMessage(row),
      origin: input.origin,
      ...(input.held ? { held: true } : {}),
    });
  });
  return events;
}
