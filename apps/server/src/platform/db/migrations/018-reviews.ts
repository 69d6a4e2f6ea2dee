import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Reviews (评价) from the marketplace, with the follow-up of mid and negative ones and its outcome. */
export function reviewsMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('reviews')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        // The marketplace's id (or one derived from the order and time when a file has none): a review arrives once.
        .addColumn('external_id', 'text', (c) => c.notNull())
        .addColumn('order_no', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text')
        .addColumn('buyer_id', 'text')
        .addColumn('rating', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('pictures_json', 'text', (c) => c.notNull())
        .addColumn('reviewed_at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('task_id', 'text')
        .addColumn('outcome', 'text')
        .addColumn('outcome_note', 'text')
        .addColumn('outcome_at', 'text')
        .addColumn('outcome_by', 'text')
        .addUniqueConstraint('reviews_shop_external', ['shop_id', 'external_id'])
        .execute();
      await db.schema.createIndex('reviews_shop_time').on('reviews').columns(['shop_id', 'reviewed_at']).execute();
    },
  };
}
