import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Store integration: per-shop secrets, inbound events (idempotency, parking), tracking events, buyer identity. */
export function integrationsMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('shop_integrations')
        .addColumn('shop_id', 'text', (c) => c.primaryKey())
        .addColumn('inbound_secret', 'text', (c) => c.notNull())
        .addColumn('identity_secret', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('rotated_at', 'text')
        .execute();

      await db.schema
        .createTable('inbound_events')
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('order_no', 'text')
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('payload_json', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('inbound_events_pk', ['shop_id', 'event_id'])
        .execute();
      await db.schema
        .createIndex('inbound_events_parked')
        .on('inbound_events')
        .columns(['shop_id', 'status', 'order_no'])
        .execute();

      await db.schema
        .createTable('tracking_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('carrier', 'text')
        .addColumn('tracking_no', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('location', 'text')
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tracking_events_order').on('tracking_events').columns(['order_id', 'occurred_at']).execute();

      await db.schema.alterTable('buyers').addColumn('external_id', 'text').execute();
      await db.schema.createIndex('buyers_shop_external').on('buyers').columns(['shop_id', 'external_id']).unique().execute();
      await db.schema.alterTable('products').addColumn('external_id', 'text').execute();
      await db.schema.createIndex('products_shop_external').on('products').columns(['shop_id', 'external_id']).unique().execute();
    },
  };
}
