import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Durable jobs and payment reminders (催付): job queue, reminders sent, phone/SMS tasks. */
export function jobsRemindersMigration(_dialect: DialectName) {
  return {
    async up(_db: Kysely<any>) {
      // filled in by the change that brings these tables
    },
  };
}
