import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Catalogue admin: product attributes, related products and bundles. */
export function catalogueMigration(_dialect: DialectName) {
  return {
    async up(_db: Kysely<any>) {
      // filled in by the change that brings these tables
    },
  };
}
