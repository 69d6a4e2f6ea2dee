import type { AppContext } from '../../platform/app-context.js';
import { handleArrivalsWith } from '../conversations/index.js';
import { fillFreeSlots } from './commands/fill-free-slots.js';
import { routeArrivingBuyer } from './commands/route-arriving-buyer.js';
import { refreshQueuePlacesSoon } from './queue-places.js';

/**
 * Routing listens by concern: the process that stored an arriving buyer's message routes them; room appearing (a
 * chat ended, an agent back 在线) fills free slots. Bus events reach every process, and filling is safe to run on
 * several at once (each assignment is claimed atomically). Returns the way to stop listening.
 */
export function startRouting(app: AppContext): () => void {
  handleArrivalsWith(app, (context, arrival) => routeArrivingBuyer(context, arrival));
  const fill = (shopId: string) =>
    void fillFreeSlots(app, shopId).catch((err: unknown) => app.log.warn({ err }, 'filling free slots failed'));
  return app.bus.subscribe((event) => {
    if (event.type === 'conversation.closed') fill(event.shopId);
    else if (event.type === 'agent.status_changed' && event.status === 'online') fill(event.shopId);
    else if (event.type === 'conversation.updated' && event.conversation.assignee && event.conversation.queuePosition != null) {
      // Taken by hand (接待, or an agent simply wrote): the queue behind them moves up.
      void refreshQueuePlacesSoon(app, event.shopId);
    }
  });
}

/** An agent's workbench opened: they may take queued buyers now. */
export function agentArrived(app: AppContext, shopId: string): void {
  void fillFreeSlots(app, shopId).catch((err: unknown) => app.log.warn({ err }, 'filling free slots failed'));
}
