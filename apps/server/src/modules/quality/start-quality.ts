import type { AppContext } from '../../platform/app-context.js';
import { BatchedWrites } from '../../platform/db/batched-writes.js';
import type { OutboxRelay } from '../../platform/events/outbox-relay.js';
import { applyInspectionBatch, INSPECTION_WRITER_MODULE, type InspectionInput } from './listeners/inspect-messages.js';

/**
 * 质检 as messages happen: every relayed message (once across processes, one conversation's in order) is folded into
 * its service session; an agent's reply is checked with the shop's rules at once, 结束's farewell line ends the session
 * (the closing-thanks rule). The relay hands many conversations over side by side; their messages are gathered and
 * written as one batch per turn of the event loop (on SQLite on the writer thread, taking turns with the chat's own
 * writes), never a transaction per message. Returns the way to stop.
 */
export function startQuality(app: AppContext, relay: OutboxRelay): () => Promise<void> {
  // Redone from the outbox after a power cut (the relay's marks are relaxed alike): no fsync of their own.
  const inspector = new BatchedWrites<InspectionInput>(
    app,
    { module: INSPECTION_WRITER_MODULE, exportName: 'applyInspectionBatch', relaxedDurability: true },
    applyInspectionBatch,
  );
  const unsubscribe = relay.subscribe('quality', async ({ event }) => {
    if (event.type !== 'message.created' || event.held) return;
    const { message } = event;
    const farewell = message.sender === 'system' && message.notice?.code === 'conversation.closed';
    // Bots and other system lines change no session: a bot's answer does not stop the buyer's wait.
    if (message.sender !== 'buyer' && message.sender !== 'agent' && !farewell) return;
    await inspector.add({
      shopId: event.shopId,
      conversationId: event.conversationId,
      message: {
        id: message.id,
        seq: message.seq,
        sender: message.sender,
        agentId: message.agent?.id ?? null,
        text: message.kind === 'text' ? message.body : '',
        createdAt: message.createdAt,
        farewell,
      },
    });
  });
  return async () => {
    unsubscribe();
    await inspector.close();
  };
}
