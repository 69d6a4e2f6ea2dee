import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export type InboundEventRow = Selectable<Database['inbound_events']>;

/** The shop's secrets, made on first use (one for signed events in, one for signed buyer identities). */
export async function ensureIntegrationSecrets(db: Queryable, shopId: string, now: string) {
  await db
    .insertInto('shop_integrations')
    .values({
      shop_id: shopId,
      inbound_secret: `whsec_${randomBytes(24).toString('base64url')}`,
      identity_secret: `idsec_${randomBytes(24).toString('base64url')}`,
      created_at: now,
      rotated_at: null,
    })
    .onConflict((oc) => oc.column('shop_id').doNothing())
    .execute();
  return (await db.selectFrom('shop_integrations').selectAll().where('shop_id', '=', shopId).executeTakeFirst())!;
}

export async function rotateIntegrationSecrets(db: Queryable, shopId: string, now: string) {
  await db
    .updateTable('shop_integrations')
    .set({
      inbound_secret: `whsec_${randomBytes(24).toString('base64url')}`,
      identity_secret: `idsec_${randomBytes(24).toString('base64url')}`,
      rotated_at: now,
    })
    .where('shop_id', '=', shopId)
    .execute();
}

export async function findInboundEvent(db: Queryable, shopId: string, eventId: string) {
  return db
    .selectFrom('inbound_events')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
}

export async function insertInboundEvent(db: Queryable, row: InboundEventRow) {
  await db.insertInto('inbound_events').values(row).execute();
}

export async function markInboundEvent(db: Queryable, shopId: string, eventId: string, status: string, note: string | null) {
  await db
    .updateTable('inbound_events')
    .set({ status, note })
    .where('shop_id', '=', shopId)
    .where('event_id', '=', eventId)
    .execute();
}

/** Events that arrived before their order, oldest first. */
export async function listParkedEvents(db: Queryable, shopId: string, orderNo: string) {
  return db
    .selectFrom('inbound_events')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('status', '=', 'parked')
    .where('order_no', '=', orderNo)
    .orderBy('occurred_at')
    .execute();
}

/** The shop's latest stored events, newest first (for the settings page). */
export async function listRecentInboundEvents(db: Queryable, shopId: string, limit: number) {
  return db
    .selectFrom('inbound_events')
    .selectAll()
    .where('shop_id', '=', shopId)
    .orderBy('received_at', 'desc')
    .orderBy('event_id', 'desc')
    .limit(limit)
    .execute();
}
