import type { AppContext } from '../../platform/app-context.js';
import { inProcessRunner, sqliteWorkerRunner, type BatchRunner } from '../../platform/db/batch-runner.js';
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
  const recorder = new FactsRecorder(app);
  const unsubscribe = relay.subscribe('measures', async ({ event }) => {
    if (event.type === 'message.created') {
      const { message } = event;
      if (event.held || !['buyer', 'agent', 'bot'].includes(message.sender)) return;
      await recorder.record({
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
      await recorder.record({ kind: 'order', shopId: event.shopId, orderId: event.order.id, placedAt: event.order.placedAt });
    }
  });
  return async () => {
    unsubscribe();
    await recorder.close();
  };
}

/** Gathers the facts handed over in one turn of the event loop and writes them in one transaction. */
class FactsRecorder {
  private runner?: BatchRunner<FactInput, null>;
  private waiting: { input: FactInput; done: (error?: unknown) => void }[] = [];

  constructor(private readonly app: AppContext) {}

  /** Resolves once the fact is committed (the relay then marks its event relayed). */
  record(input: FactInput): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => void this.flush());
      this.waiting.push({ input, done: (error) => (error === undefined ? resolve() : reject(error)) });
    });
  }

  private async flush() {
    const batch = this.waiting;
    this.waiting = [];
    this.runner ??=
      this.app.storage.dialect === 'sqlite'
        ? sqliteWorkerRunner(this.app.config.dataDir, {
            module: FACTS_WRITER_MODULE,
            exportName: 'applyFactBatch',
            relaxedDurability: true,
          })
        : inProcessRunner(this.app.storage.db, applyFactBatch);
    try {
      await this.runner.run(batch.map((w) => w.input));
      for (const w of batch) w.done();
    } catch (error) {
      for (const w of batch) w.done(error);
    }
  }

  async close() {
    await this.runner?.close();
  }
}
