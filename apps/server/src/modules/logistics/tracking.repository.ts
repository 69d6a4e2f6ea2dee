import { presentStoredText, type TrackingEventView } from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';
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
