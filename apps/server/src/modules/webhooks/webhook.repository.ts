import type { Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export type WebhookRow = Selectable<Database['webhooks']>;
export type DeliveryRow = Selectable<Database['webhook_deliveries']>;

export const insertWebhook = (db: Queryable, row: WebhookRow) => db.insertInto('webhooks').values(row).execute();

export const listWebhooks = (db: Queryable, shopId: string) =>
  db.selectFrom('webhooks').selectAll().where('shop_id', '=', shopId).orderBy('created_at').execute();

export const findWebhook = (db: Queryable, shopId: string, id: string) =>
  db.selectFrom('webhooks').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();

export const deleteWebhook = (db: Queryable, shopId: string, id: string) =>
  db.deleteFrom('webhooks').where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();

export const listDeliveries = (db: Queryable, shopId: string, webhookId: string, limit: number) =>
  db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('webhook_id', '=', webhookId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();

/** Enqueues once per webhook and event (a relayed event may come again); true when this call created it. */
export async function enqueueDelivery(db: Queryable, row: DeliveryRow): Promise<boolean> {
  const result = await db
    .insertInto('webhook_deliveries')
    .values(row)
    .onConflict((oc) => oc.columns(['webhook_id', 'event_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** One delivery with its webhook's URL and secret (undefined when either is gone). */
export const findDeliveryToSend = (db: Queryable, id: string) =>
  db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .selectAll('d')
    .select(['w.url', 'w.secret'])
    .where('d.id', '=', id)
    .executeTakeFirst();

/** Deliveries due now: pending ones, and ones whose sender's lease ran out (it died mid-send). */
export async function findDueDeliveries(db: Queryable, now: string, limit: number) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .selectAll('d')
    .select(['w.url', 'w.secret'])
    .where('d.status', 'in', ['pending', 'sending'])
    .where('d.next_attempt_at', '<=', now)
    .orderBy('d.next_attempt_at')
    .limit(limit)
    .execute();
}

/** Takes a delivery for one sender until `leaseUntil`; false when another process took it first. */
export async function claimDelivery(db: Queryable, delivery: DeliveryRow, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'sending', next_attempt_at: leaseUntil })
    .where('id', '=', delivery.id)
    .where('status', '=', delivery.status)
    .where('next_attempt_at', '=', delivery.next_attempt_at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finishDelivery(db: Queryable, id: string, changes: Partial<DeliveryRow>) {
  await db.updateTable('webhook_deliveries').set(changes).where('id', '=', id).execute();
}

/** Shops with an active webhook subscribed to `eventType` that has no delivery of `eventKey` yet. */
export async function listShopsAwaitingEvent(db: Queryable, eventType: string, eventKey: string): Promise<string[]> {
  const rows = await db
    .selectFrom('webhooks as w')
    .leftJoin('webhook_deliveries as d', (join) => join.onRef('d.webhook_id', '=', 'w.id').on('d.event_key', '=', eventKey))
    .select('w.shop_id')
    .distinct()
    .where('w.active', '=', 1)
    .where('w.events', 'like', `%"${eventType}"%`)
    .where('d.id', 'is', null)
    .execute();
  return rows.map((r) => r.shop_id);
}
