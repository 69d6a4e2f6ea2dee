import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Auto-replies and promotions: rules, business hours, hit statistics, the shop's campaigns. */
export function automationMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('promotions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('threshold_fen', 'integer')
        .addColumn('amount_fen', 'integer')
        .addColumn('deposit_fen', 'integer')
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('link', 'text')
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('promotions_shop_dates')
        .on('promotions')
        .columns(['shop_id', 'ends_at', 'starts_at'])
        .execute();

      await db.schema
        .createTable('auto_reply_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('priority', 'integer', (c) => c.notNull())
        .addColumn('keywords_json', 'text', (c) => c.notNull())
        .addColumn('match_mode', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('cooldown_minutes', 'integer', (c) => c.notNull())
        // welcome: afterHours; busy: maxQueue, maxWaitSeconds; delayed: delaySeconds.
        .addColumn('params_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('auto_reply_rules_shop')
        .on('auto_reply_rules')
        .columns(['shop_id', 'kind', 'priority'])
        .execute();

      // One row per reply sent: the unique (rule, buyer message) key makes every process agree it was sent once.
      await db.schema
        .createTable('auto_reply_hits')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('trigger_message_id', 'text', (c) => c.notNull())
        .addColumn('reply_message_id', 'text', (c) => c.notNull())
        .addColumn('fired_at', 'text', (c) => c.notNull())
        // China-time date (YYYY-MM-DD) for hits by day.
        .addColumn('day', 'text', (c) => c.notNull())
        .addUniqueConstraint('auto_reply_hits_once', ['rule_id', 'trigger_message_id'])
        .execute();
      await db.schema
        .createIndex('auto_reply_hits_cooldown')
        .on('auto_reply_hits')
        .columns(['rule_id', 'conversation_id', 'fired_at'])
        .execute();
      await db.schema.createIndex('auto_reply_hits_day').on('auto_reply_hits').columns(['shop_id', 'day']).execute();

      // Delayed replies waiting for their time: claimed by one process (status pending → done) when due.
      await db.schema
        .createTable('auto_reply_pending')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('trigger_message_id', 'text', (c) => c.notNull())
        .addColumn('trigger_seq', 'integer', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        // pending | sent | answered (an agent replied in time) | skipped
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('auto_reply_pending_once', ['rule_id', 'trigger_message_id'])
        .execute();
      await db.schema.createIndex('auto_reply_pending_due').on('auto_reply_pending').columns(['status', 'due_at']).execute();
      await db.schema
        .createIndex('auto_reply_pending_conversation')
        .on('auto_reply_pending')
        .columns(['conversation_id', 'status'])
        .execute();
    },
  };
}
