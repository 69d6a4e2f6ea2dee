import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Logistics: carriers, courier rules, logistics exceptions, buyer notices. */
export function logisticsMigration(_dialect: DialectName) {
  return {
    async up(_db: Kysely<any>) {
      // filled in by the change that brings these tables
    },
  };
}
