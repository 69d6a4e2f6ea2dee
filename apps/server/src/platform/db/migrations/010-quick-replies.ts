import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Quick replies (快捷短语): team and personal phrases, groups, shortcut codes, usage counts. */
export function quickRepliesMigration(_dialect: DialectName) {
  return {
    async up(_db: Kysely<any>) {
      // filled in by the change that brings these tables
    },
  };
}
