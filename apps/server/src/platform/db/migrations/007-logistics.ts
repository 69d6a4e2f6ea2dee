import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Logistics: courier rules, logistics exceptions (one open per order and kind), buyer notices sent. */
export function logisticsMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('courier_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('carrier', 'text', (c) => c.notNull())
        .addColumn('provinces_json', 'text', (c) => c.notNull())
        .addColumn('first_weight_fen', 'integer', (c) => c.notNull())
        .addColumn('additional_fen', 'integer', (c) => c.notNull())
        .addColumn('delivery_days', 'text')
        .addColumn('priority', 'integer', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('courier_rules_shop').on('courier_rules').columns(['shop_id', 'position']).execute();

      await db.schema
        .createTable('logistics_exceptions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        // "<order_id>:<kind>" while open, NULL once resolved: NULLs never collide on either database, so
        // the unique index allows one open exception per order and kind (portable, no partial index).
        .addColumn('open_key', 'text')
        .addColumn('raised_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .addColumn('resolved_by', 'text')
        .addColumn('resolved_by_name', 'text')
        .addColumn('note', 'text')
        .execute();
      await db.schema
        .createIndex('logistics_exceptions_open')
        .on('logistics_exceptions')
        .columns(['shop_id', 'open_key'])
        .unique()
        .execute();
      await db.schema
        .createIndex('logistics_exceptions_shop')
        .on('logistics_exceptions')
        .columns(['shop_id', 'raised_at'])
        .execute();
      await db.schema
        .createIndex('logistics_exceptions_order')
        .on('logistics_exceptions')
        .columns(['order_id', 'kind'])
        .execute();

      await db.schema
        .createTable('logistics_notices')
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('logistics_notices_pk', ['shop_id', 'order_id', 'kind'])
        .execute();

      // The stalled-parcel scan looks for shipped orders by shop.
      await db.schema.createIndex('orders_shop_status_idx').on('orders').columns(['shop_id', 'status']).execute();
    },
  };
}
