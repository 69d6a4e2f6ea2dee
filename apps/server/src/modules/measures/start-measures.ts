import type { AppContext } from '../../platform/app-context.js';
import type { OutboxRelay } from '../../platform/events/outbox-relay.js';
import { recordMessageFacts, recordOrderFacts } from './listeners/record-facts.js';

/**
 * The facts are written from the outbox: each message and order change once across processes, one conversation's
 * messages in order (the relay's guarantee), so turns open and close as they happened. Returns the way to stop.
 */
export function startMeasures(app: AppContext, relay: OutboxRelay): () => void {
  return relay.subscribe('measures', async ({ event }) => {
    if (event.type === 'message.created') await recordMessageFacts(app, event);
    else if (event.type === 'order.updated') await recordOrderFacts(app, event);
  });
}
