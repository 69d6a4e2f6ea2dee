import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** A product's shipping weight (grams), so a parcel's courier cost follows the shop's 首重/续重 table. */
export function productWeightMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('products').addColumn('weight_g', 'integer').execute();
    },
  };
}
