import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * The permissions matrix per shop: a row per role the owner changed or made (custom roles, `custom-<id>`). Shops that
 * changed nothing have no rows and keep the contracts' defaults. Limits stay where they are read (discount limits in
 * the shop's settings, goodwill limits in the after-sales policy).
 */
export function rolesMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('shop_roles')
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('capabilities_json', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('shop_roles_pk', ['shop_id', 'key'])
        .execute();
    },
  };
}
