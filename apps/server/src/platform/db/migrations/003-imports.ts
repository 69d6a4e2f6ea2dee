import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Catalogue/order imports: one row per uploaded file with its live progress; buyers found by nick. */
export function importsMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('imports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text')
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('processed', 'integer', (c) => c.notNull())
        .addColumn('imported', 'integer', (c) => c.notNull())
        .addColumn('failed', 'integer', (c) => c.notNull())
        .addColumn('created_count', 'integer', (c) => c.notNull())
        .addColumn('updated_count', 'integer', (c) => c.notNull())
        .addColumn('unchanged_count', 'integer', (c) => c.notNull())
        .addColumn('errors_json', 'text', (c) => c.notNull())
        .addColumn('failure_reason', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('imports_shop_created').on('imports').columns(['shop_id', 'created_at']).execute();
      // Imported orders name their buyer by nick.
      await db.schema.createIndex('buyers_shop_nick').on('buyers').columns(['shop_id', 'nick']).execute();
      await db.schema.createIndex('products_shop_title').on('products').columns(['shop_id', 'title']).execute();
    },
  };
}
