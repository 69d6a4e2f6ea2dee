import { presentStoredText, type TrackingEventView } from '@golddesk/contracts';
import type { ExpressionBuilder } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';

export interface NewTrackingEvent {
  shopId: string;
  orderId: string;
  carrier: string | null;
  trackingNo: string | null;
  /** shipped | in_transit | out_for_delivery | signed | exception | returned | note */
  status: string;
  description: string;
  location: string | null;
  occurredAt: string;
  createdAt: string;
}

export async function insertTrackingEvent(db: Queryable, event: NewTrackingEvent): Promise<string> {
  const id = newId();
  await db
    .insertInto('tracking_events')
    .values({
      id,
      shop_id: event.shopId,
      order_id: event.orderId,
      carrier: event.carrier,
      tracking_no: event.trackingNo,
      status: event.status,
      description: event.description,
      location: event.location,
      occurred_at: event.occurredAt,
      created_at: event.createdAt,
    })
    .execute();
  return id;
}

/** The parcel's timeline, newest first. */
export async function listTrackingEvents(db: Queryable, shopId: string, orderId: string): Promise<TrackingEventView[]> {
  const rows = await db
    .selectFrom('tracking_events')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('order_id', '=', orderId)
    .orderBy('occurred_at', 'desc')
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    ...presentStoredText('description', r.description),
    location: r.location,
    occurredAt: r.occurred_at,
  }));
}

/** One column of the order's latest tracking event that is not an agent's note. */
function latestTrackingEvent(
  eb: ExpressionBuilder<Database & { o: Database['orders'] }, 'o'>,
  column: 't.occurred_at' | 't.status' | 't.description',
) {
  return eb
    .selectFrom('tracking_events as t')
    .select(column)
    .whereRef('t.order_id', '=', 'o.id')
    .where('t.status', '<>', 'note')
    .orderBy('t.occurred_at', 'desc')
    .limit(1);
}

/**
 * The shop's orders shipped before `threshold` and still shipped, each with its latest non-note tracking event
 * (time, status, description) and when an agent last resolved a "no update" exception on it: the stalled-parcel
 * scan's candidates.
 */
export async function findStalledParcelCandidates(db: Queryable, shopId: string, threshold: string) {
  return db
    .selectFrom('orders as o')
    .select((eb) => [
      'o.id',
      'o.shipped_at',
      latestTrackingEvent(eb, 't.occurred_at').as('last_event_at'),
      latestTrackingEvent(eb, 't.status').as('last_status'),
      latestTrackingEvent(eb, 't.description').as('last_description'),
      eb
        .selectFrom('logistics_exceptions as e')
        .select('e.resolved_at')
        .whereRef('e.order_id', '=', 'o.id')
        .where('e.kind', '=', 'no_update')
        .where('e.resolved_at', 'is not', null)
        .orderBy('e.resolved_at', 'desc')
        .limit(1)
        .as('handled_at'),
    ])
    .where('o.shop_id', '=', shopId)
    .where('o.status', '=', 'shipped')
    .where('o.shipped_at', '<', threshold)
    .execute();
}
