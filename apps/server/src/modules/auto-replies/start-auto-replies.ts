import type { AppContext } from '../../platform/app-context.js';
import { runDueDelayedReplies } from './jobs/delayed-replies.js';
import { onBuyerMessage, startsAutomation } from './listeners/on-buyer-message.js';

/**
 * Starts automation in this process: the message.created listener (after commit, buyer messages only) and a
 * small interval that sends due delayed replies. stop() unsubscribes and waits for work in flight.
 */
export function startAutoReplies(app: AppContext, intervalMs = 1_000): AutoReplies {
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const tracked = work.catch((err: unknown) => app.log.warn({ err }, 'auto-reply failed')).finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };
  // Messages of one conversation are answered in the order they came, one after the other.
  const chains = new Map<string, Promise<unknown>>();
  const unsubscribe = app.bus.subscribe((event) => {
    if (!startsAutomation(event)) return;
    const previous = chains.get(event.conversationId) ?? Promise.resolve();
    const next = previous.then(() => onBuyerMessage(app, event)).catch((err: unknown) => app.log.warn({ err }, 'auto-reply failed'));
    chains.set(event.conversationId, next);
    track(next.finally(() => chains.get(event.conversationId) === next && chains.delete(event.conversationId)));
  });
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = runDueDelayedReplies(app).catch((err: unknown) => app.log.warn({ err }, 'delayed replies failed')).finally(() => (running = undefined));
  }, intervalMs);
  timer.unref();
  const handle: AutoReplies = {
    async stop() {
      unsubscribe();
      clearInterval(timer);
      await running;
      await Promise.all([...inFlight]);
    },
    /** Waits until every buyer message heard so far has been answered (tests). */
    async settle() {
      while (inFlight.size) await Promise.all([...inFlight]);
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

/** Resolves once this process has answered every buyer message it heard so far (for tests). */
export async function settleAutoReplies(app: AppContext): Promise<void> {
  await started.get(app)?.settle();
}
