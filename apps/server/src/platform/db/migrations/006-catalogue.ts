import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Catalogue admin: product attributes, archiving, related products and bundles (搭配套餐). */
export function catalogueMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      // [{name, value}] in display order, e.g. 材质 / 产地 / 保质期.
      await db.schema.alterTable('products').addColumn('attributes', 'text').execute();
      // Archived products leave the shop page and suggestions; order lines keep their copies.
      await db.schema.alterTable('products').addColumn('archived_at', 'text').execute();
      await db.schema.alterTable('products').addColumn('updated_at', 'text').execute();

      await db.schema
        .createTable('product_relations')
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('related_id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('product_relations_pk', ['product_id', 'related_id'])
        .execute();
      await db.schema.createIndex('product_relations_related').on('product_relations').columns(['related_id']).execute();

      await db.schema
        .createTable('bundles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('price_fen', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('bundles_shop').on('bundles').columns(['shop_id', 'created_at']).execute();

      await db.schema
        .createTable('bundle_items')
        .addColumn('bundle_id', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('bundle_items_pk', ['bundle_id', 'product_id'])
        .execute();
      await db.schema.createIndex('bundle_items_product').on('bundle_items').columns(['product_id']).execute();
    },
  };
}
