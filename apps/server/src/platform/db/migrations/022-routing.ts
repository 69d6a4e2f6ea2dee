import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * Routing (分流): each agent's capacity, weight and groups (null: the groups of their role); each conversation's group,
 * when it was assigned, where the buyer came from, the note of the last hand-over and the queue place last told to
 * the buyer; and the assignment events (who had the buyer when) for the measures.
 */
export function routingMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('agents').addColumn('capacity', 'integer').execute();
      await db.schema.alterTable('agents').addColumn('routing_weight', 'integer').execute();
      await db.schema.alterTable('agents').addColumn('groups_json', 'text').execute();
      await db.schema.alterTable('agents').addColumn('last_routed_at', 'text').execute();
      await db.schema.alterTable('agents').addColumn('left_at', 'text').execute();
      await db.schema.alterTable('agents').addColumn('auto_offline_at', 'text').execute();
      await db.schema.alterTable('conversations').addColumn('group_key', 'text').execute();
      await db.schema.alterTable('conversations').addColumn('assigned_at', 'text').execute();
      await db.schema.alterTable('conversations').addColumn('entry_kind', 'text').execute();
      await db.schema.alterTable('conversations').addColumn('entry_ref', 'text').execute();
      await db.schema.alterTable('conversations').addColumn('handoff_json', 'text').execute();
      await db.schema.alterTable('conversations').addColumn('queue_position', 'integer').execute();
      // The wait (its waiting_since) the agent was nudged about / the managers alerted about: once per wait.
      await db.schema.alterTable('conversations').addColumn('nudged_for', 'text').execute();
      await db.schema.alterTable('conversations').addColumn('alerted_for', 'text').execute();
      // Loads per agent (open conversations by assignee) and the queue scan.
      await db.schema
        .createIndex('conversations_assignee_status')
        .on('conversations')
        .columns(['assignee_id', 'status'])
        .execute();
      await db.schema
        .createIndex('conversations_shop_queue')
        .on('conversations')
        .columns(['shop_id', 'status', 'waiting_since'])
        .where(sql.ref('assignee_id'), 'is', null)
        .execute();
      await db.schema
        .createTable('conversation_assignments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('agent_id', 'text')
        .addColumn('from_agent_id', 'text')
        .addColumn('group_key', 'text')
        .addColumn('actor_id', 'text')
        .addColumn('note', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('conversation_assignments_conversation')
        .on('conversation_assignments')
        .columns(['conversation_id', 'at'])
        .execute();
      await db.schema
        .createIndex('conversation_assignments_shop_at')
        .on('conversation_assignments')
        .columns(['shop_id', 'at'])
        .execute();
    },
  };
}
