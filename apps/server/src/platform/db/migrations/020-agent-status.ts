import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Agent status (在线 / 忙碌 / 离线) and its periods, from which online time is counted. */
export function agentStatusMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('agents').addColumn('status', 'text').execute();
      await db.schema
        .createTable('agent_status_periods')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('agent_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text')
        .execute();
      await db.schema
        .createIndex('agent_status_periods_agent')
        .on('agent_status_periods')
        .columns(['shop_id', 'agent_id', 'started_at'])
        .execute();
    },
  };
}
