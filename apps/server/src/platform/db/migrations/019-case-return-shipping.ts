import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Who pays the parcel back on a case (by the policy when the case opened): the buyer reads it with the return address. */
export function caseReturnShippingMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('cases').addColumn('return_shipping_paid_by', 'text').execute();
    },
  };
}
