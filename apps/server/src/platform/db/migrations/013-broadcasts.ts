import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Broadcasts (群发): campaigns to a customer segment, per-recipient deliveries, opt-outs. */
export function broadcastsMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('broadcasts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('template', 'text', (c) => c.notNull())
        .addColumn('segment_id', 'text')
        .addColumn('segment_name', 'text')
        .addColumn('filter_json', 'text')
        .addColumn('throttle_per_minute', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('scheduled_at', 'text')
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('broadcasts_shop').on('broadcasts').columns(['shop_id', 'created_at']).execute();
      await db.schema.createIndex('broadcasts_status').on('broadcasts').columns(['status']).execute();

      // UNIQUE(broadcast_id, buyer_id): a buyer is one recipient of a broadcast, sent at most once.
      await db.schema
        .createTable('broadcast_recipients')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('broadcast_id', 'text', (c) => c.notNull())
        .addColumn('buyer_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('conversation_id', 'text')
        .addColumn('message_id', 'text')
        .addColumn('message_seq', 'integer')
        .addColumn('sent_at', 'text')
        .addColumn('reply_until', 'text')
        .addUniqueConstraint('broadcast_recipients_once', ['broadcast_id', 'buyer_id'])
        .execute();
      await db.schema
        .createIndex('broadcast_recipients_status')
        .on('broadcast_recipients')
        .columns(['broadcast_id', 'status'])
        .execute();
      await db.schema
        .createIndex('broadcast_recipients_sent')
        .on('broadcast_recipients')
        .columns(['broadcast_id', 'sent_at'])
        .execute();

      await db.schema
        .createTable('marketing_opt_outs')
        .addColumn('buyer_id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('opted_out_at', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
