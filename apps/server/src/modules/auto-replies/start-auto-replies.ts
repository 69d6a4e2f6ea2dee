import type { AppContext } from '../../platform/app-context.js';
import type { OutboxRelay } from '../../platform/events/outbox-relay.js';
import { listenForRuleChanges } from './auto-reply-memory.js';
import { onBuyerMessage, startsAutomation } from './listeners/on-buyer-message.js';
import { onBuyerQueued } from './listeners/on-buyer-queued.js';

/**
 * Starts automation: a consumer of the outbox relay, so every committed buyer message is answered once across
 * processes even when the live bus dropped it (the relay hands events over in order, one after the other, so one
 * conversation's messages are answered in the order they came). Delayed replies are a job
 * (`auto-replies.delayed-replies@1`, see jobs/delayed-reply.jobs.ts). stop() unsubscribes.
 */
export function startAutoReplies(app: AppContext, relay: OutboxRelay): AutoReplies {
  const unsubscribe = relay.subscribe('auto-replies', async ({ event }) => {
    if (startsAutomation(event)) await onBuyerMessage(app, event);
  });
  const stopListening = listenForRuleChanges(app);
  const stopQueued = app.bus.subscribe((event) => {
    if (event.type !== 'conversation.queued') return;
    void onBuyerQueued(app, event).catch((err: unknown) => app.log.warn({ err }, 'busy reply failed'));
  });
  const handle: AutoReplies = {
    async stop() {
      unsubscribe();
      stopListening();
      stopQueued();
    },
    /** Waits until every buyer message committed so far has been answered (tests). */
    async settle() {
      await relay.drain();
    },
  };
  started.set(app, handle);
  return handle;
}

export interface AutoReplies {
  stop(): Promise<void>;
  settle(): Promise<void>;
}

const started = new WeakMap<AppContext, AutoReplies>();

/** Resolves once every buyer message committed so far has been answered (for tests). */
export async function settleAutoReplies(app: AppContext): Promise<void> {
  await started.get(app)?.settle();
}
