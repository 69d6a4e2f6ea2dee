import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Customer 360: tags, notes, customer type, blacklist, saved segments. */
export function crmMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      for (const column of [
        'customer_type',
        'customer_type_set_by',
        'customer_type_set_at',
        'blocked_at',
        'blocked_by',
        'blocked_by_name',
        'block_reason',
      ]) {
        await db.schema.alterTable('buyers').addColumn(column, 'text').execute();
      }
      await db.schema.createIndex('buyers_shop_blocked').on('buyers').columns(['shop_id', 'blocked_at']).execute();

      await db.schema
        .createTable('customer_tags')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('color', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('customer_tags_shop_name', ['shop_id', 'name'])
        .execute();

      await db.schema
        .createTable('buyer_tags')
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('buyer_id', 'text', (c) => c.notNull())
        .addColumn('tag_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('buyer_tags_pk', ['buyer_id', 'tag_id'])
        .execute();
      await db.schema.createIndex('buyer_tags_tag').on('buyer_tags').columns(['tag_id']).execute();

      await db.schema
        .createTable('buyer_notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('buyer_id', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.notNull())
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('edited_at', 'text')
        .execute();
      await db.schema.createIndex('buyer_notes_buyer').on('buyer_notes').columns(['shop_id', 'buyer_id', 'created_at']).execute();

      await db.schema
        .createTable('segments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('filter_json', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('segments_shop').on('segments').columns(['shop_id', 'created_at']).execute();
    },
  };
}
