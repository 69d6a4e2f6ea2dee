import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** A buyer's place in their group's queue is a count on this index alone, so a rush of arrivals stays cheap. */
export function routingQueueIndexMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('conversations_group_queue')
        .on('conversations')
        .columns(['shop_id', 'group_key', 'waiting_since'])
        .where(sql.ref('assignee_id'), 'is', null)
        .execute();
    },
  };
}
