import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Customer 360: tags, notes, customer type, blacklist, saved segments. */
export function crmMigration(_dialect: DialectName) {
  return {
    async up(_db: Kysely<any>) {
      // filled in by the change that brings these tables
    },
  };
}
