import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Auto-replies and promotions: rules, business hours, hit statistics, the shop's campaigns. */
export function automationMigration(_dialect: DialectName) {
  return {
    async up(_db: Kysely<any>) {
      // filled in by the change that brings these tables
    },
  };
}
