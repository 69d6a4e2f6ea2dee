import type { Message } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';

/** A buyer's message brought a conversation into the queue, on this process (after the commit). */
export interface BuyerArrival {
  shopId: string;
  conversationId: string;
  message: Message;
}

export type ArrivalHandler = (app: AppContext, arrival: BuyerArrival) => Promise<void>;

const handlers = new WeakMap<AppContext, ArrivalHandler>();

/**
 * Routing registers here (it sits above conversations). Only the process that stored the message hands the arrival
 * over, so one process routes each arriving buyer, right after the commit.
 */
export function handleArrivalsWith(app: AppContext, handler: ArrivalHandler): void {
  handlers.set(app, handler);
}

export function handOverArrival(app: AppContext, arrival: BuyerArrival): void {
  const handler = handlers.get(app);
  if (!handler) return;
  void handler(app, arrival).catch((err: unknown) => app.log.warn({ err }, 'routing an arriving buyer failed'));
}
