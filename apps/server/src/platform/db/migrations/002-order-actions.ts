import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Order actions: state details, audit log, approvals, idempotency; shop settings; browsing footprints. */
export function orderActionsMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('shops').addColumn('settings', 'text').execute();
      for (const column of ['memo_flag', 'close_reason', 'receiver_province', 'external_id', 'updated_at']) {
        await db.schema.alterTable('orders').addColumn(column, 'text').execute();
      }
      await db.schema.alterTable('orders').addColumn('original_total_fen', 'integer').execute();
      await db.schema.createIndex('orders_shop_external').on('orders').columns(['shop_id', 'external_id']).unique().execute();
      await db.schema.alterTable('order_items').addColumn('sku_id', 'text').execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('actor_kind', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text', (c) => c.notNull())
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('audit_log_target')
        .on('audit_log')
        .columns(['shop_id', 'target_type', 'target_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('response_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['shop_id', 'key'])
        .execute();

      await db.schema
        .createTable('approval_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text', (c) => c.notNull())
        .addColumn('payload_json', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('requested_by', 'text', (c) => c.notNull())
        .addColumn('requested_by_name', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_by_name', 'text')
        .addColumn('decision_note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'text')
        .execute();
      await db.schema
        .createIndex('approval_requests_shop_status')
        .on('approval_requests')
        .columns(['shop_id', 'status', 'created_at'])
        .execute();

      await db.schema
        .createTable('product_views')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('buyer_id', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('viewed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('product_views_buyer').on('product_views').columns(['buyer_id', 'viewed_at']).execute();
    },
  };
}
