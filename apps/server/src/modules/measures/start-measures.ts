import type { AppContext } from '../../platform/app-context.js';
import { BatchedWrites } from '../../platform/db/batched-writes.js';
import type { OutboxRelay } from '../../platform/events/outbox-relay.js';
import { applyFactBatch, FACTS_WRITER_MODULE, type FactInput } from './listeners/record-facts.js';

/**
 * The facts are written from the outbox: each message and order change once across processes, one conversation's
 * messages in order (the relay's guarantee), so turns open and close as they happened. The relay hands many
 * conversations over side by side; their facts are gathered and written as one batch (on SQLite on the writer
 * thread, taking turns with the chat messages instead of holding the database's lock from the main thread).
 * Returns the way to stop.
 */
export function startMeasures(app: AppContext, relay: OutboxRelay): () => Promise<void> {
  // Redone from the outbox after a power cut (the relay's marks are relaxed alike): no fsync of their own.
  const recorder = new BatchedWrites<FactInput>(
    app,
    { module: FACTS_WRITER_MODULE, exportName: 'applyFactBatch', relaxedDurability: true },
    applyFactBatch,
  );
  const unsubscribe = relay.subscribe('measures', async ({ event }) => {
    if (event.type === 'message.created') {
      const { message } = event;
      if (event.held || !['buyer', 'agent', 'bot'].includes(message.sender)) return;
      await recorder.add({
        kind: 'message',
        shopId: event.shopId,
        conversationId: event.conversationId,
        message: {
          id: message.id,
          seq: message.seq,
          sender: message.sender,
          agentId: message.agent?.id ?? null,
          clientMsgId: message.clientMsgId ?? null,
          createdAt: message.createdAt,
        },
      });
    } else if (event.type === 'order.updated') {
      await recorder.add({ kind: 'order', shopId: event.shopId, orderId: event.order.id, placedAt: event.order.placedAt });
    }
  });
  return async () => {
    unsubscribe();
    await recorder.close();
  };
}
