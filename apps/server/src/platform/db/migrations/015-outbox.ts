import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * The transactional outbox: events that webhooks and automation depend on, written in the same transaction as the
 * change, then handed to those consumers by the relay (claimed with a lease, marked relayed, retried on failure).
 */
export function outboxMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('outbox_events')
        // UUIDv7: time-ordered, so the relay hands events over in the order they were recorded.
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('payload_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        // When the relay may (re)try it: the commit time, or later after a failed hand-over.
        .addColumn('available_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lease_until', 'text')
        .addColumn('leased_by', 'text')
        .addColumn('last_error', 'text')
        .addColumn('relayed_at', 'text')
        .execute();
      await db.schema.createIndex('outbox_events_pending').on('outbox_events').columns(['relayed_at', 'available_at']).execute();
    },
  };
}
