import type { Queryable } from '../db/database.js';
import { newId } from '../ids.js';
import type { DomainEvent } from './domain-events.js';
import { insertOutboxEvents } from './outbox.repository.js';

/**
 * Events that other parts or systems depend on (webhooks, automation). Recorded in the transaction of the change they
 * describe, so a crash or a Redis hiccup after the commit cannot lose them; the relay hands them over later.
 */
export type OutboxEvent = Extract<DomainEvent, { type: 'message.created' | 'order.updated' | 'aftersale.updated' }>;

/** An outbox event as the relay hands it over: `id` is the same on every retry, so consumers key their work by it. */
export interface RelayedEvent {
  id: string;
  event: OutboxEvent;
  /** When the change was committed (the outbox row's time): a subscriber added later does not hear of it. */
  recordedAt: string;
}

/**
 * Writes events in the caller's transaction (`trx`): they commit, or vanish, with the change. An event that carries an
 * `eventId` (order.updated, aftersale.updated) keeps it as its outbox id.
 */
export async function recordEvents(trx: Queryable, events: OutboxEvent[], at: string): Promise<void> {
  if (events.length === 0) return;
  await insertOutboxEvents(
    trx,
    events.map((event) => ({
      id: event.type === 'message.created' ? newId() : event.eventId,
      shop_id: event.shopId,
      event_type: event.type,
      payload_json: JSON.stringify(event),
      created_at: at,
      available_at: at,
      attempts: 0,
      lease_until: null,
      leased_by: null,
      last_error: null,
      relayed_at: null,
    })),
  );
}
