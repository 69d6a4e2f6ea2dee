import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Quick replies (快捷短语): team and personal phrases, groups, shortcut codes, usage counts. */
export function quickRepliesMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('quick_replies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        // '' for team phrases, the agent's id for personal ones (NULL would make the unique code check useless).
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('group_name', 'text', (c) => c.notNull())
        // NULL = no code; unique per shop, scope and owner otherwise.
        .addColumn('code', 'text')
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('attachment_id', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('quick_replies_code', ['shop_id', 'scope', 'owner_id', 'code'])
        .execute();
      await db.schema.createIndex('quick_replies_shop').on('quick_replies').columns(['shop_id', 'scope', 'owner_id']).execute();

      await db.schema
        .createTable('quick_reply_usage')
        .addColumn('quick_reply_id', 'text', (c) => c.notNull())
        .addColumn('agent_id', 'text', (c) => c.notNull())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('use_count', 'integer', (c) => c.notNull())
        .addColumn('last_used_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('quick_reply_usage_pk', ['quick_reply_id', 'agent_id'])
        .execute();
      await db.schema.createIndex('quick_reply_usage_shop').on('quick_reply_usage').columns(['shop_id', 'agent_id']).execute();
    },
  };
}
