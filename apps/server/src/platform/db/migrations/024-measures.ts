import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** The sums turn_rollups keeps per key (see modules/measures/turn-rollups.ts for what each counts). */
const TURN_ROLLUP_SUMS = [
  'buyers',
  'buyer_messages',
  'agent_messages',
  'answered',
  'answered_seconds',
  'first_answered',
  'first_answered_seconds',
  'open_unanswered',
  'first_open',
  'within_15',
  'within_30',
  'within_60',
  'within_180',
  'within_300',
  'within_600',
  'over_600',
] as const;

/**
 * The facts the team's figures are computed from (绩效): response turns and inquiries, written as messages are relayed
 * (or rebuilt from the messages), and satisfaction ratings (满意度). Each figure sums these rows and drills down to them.
 */
export function measuresMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('response_turns')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('buyer_id', 'text', (c) => c.notNull())
        .addColumn('agent_id', 'text')
        .addColumn('group_key', 'text')
        .addColumn('start_message_id', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('hour', 'integer', (c) => c.notNull())
        .addColumn('counted', 'integer', (c) => c.notNull())
        .addColumn('first_of_day', 'integer', (c) => c.notNull())
        .addColumn('answer_message_id', 'text')
        .addColumn('answered_at', 'text')
        .addColumn('response_seconds', 'integer')
        .addColumn('bot_replied', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('buyer_messages', 'integer', (c) => c.notNull())
        .addColumn('agent_messages', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_seq', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('response_turns_day').on('response_turns').columns(['shop_id', 'day']).execute();
      await db.schema
        .createIndex('response_turns_conversation')
        .on('response_turns')
        .columns(['conversation_id', 'started_at'])
        .execute();
      await db.schema.createIndex('response_turns_started').on('response_turns').columns(['shop_id', 'started_at']).execute();

      // The turns summed per China day, hour, agent and group, kept as turns change: figures read these few rows
      // instead of every turn of the range. '' stands for no agent / no group (part of the key).
      let rollups = db.schema
        .createTable('turn_rollups')
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('hour', 'integer', (c) => c.notNull())
        .addColumn('agent_id', 'text', (c) => c.notNull())
        .addColumn('group_key', 'text', (c) => c.notNull());
      for (const column of TURN_ROLLUP_SUMS) rollups = rollups.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
      await rollups.addPrimaryKeyConstraint('turn_rollups_pk', ['shop_id', 'day', 'hour', 'agent_id', 'group_key']).execute();

      await db.schema
        .createTable('inquiries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('buyer_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('first_message_id', 'text', (c) => c.notNull())
        .addColumn('first_at', 'text', (c) => c.notNull())
        .addColumn('hour', 'integer', (c) => c.notNull())
        .addColumn('agent_id', 'text')
        .addColumn('group_key', 'text')
        .addColumn('ordered_at', 'text')
        .addColumn('order_id', 'text')
        .addColumn('paid_at', 'text')
        .addColumn('paid_order_id', 'text')
        .addColumn('paid_fen', 'integer')
        .addColumn('paid_same_day', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('paid_by_next_day', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('inquiries_buyer_day')
        .on('inquiries')
        .columns(['shop_id', 'buyer_id', 'day'])
        .unique()
        .execute();
      await db.schema.createIndex('inquiries_day').on('inquiries').columns(['shop_id', 'day']).execute();

      await db.schema
        .createTable('satisfaction_ratings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('buyer_id', 'text', (c) => c.notNull())
        .addColumn('agent_id', 'text')
        .addColumn('session_key', 'text', (c) => c.notNull())
        .addColumn('invited_at', 'text', (c) => c.notNull())
        .addColumn('invited_by', 'text', (c) => c.notNull())
        .addColumn('inviting_agent_id', 'text')
        .addColumn('score', 'integer')
        .addColumn('reasons_json', 'text')
        .addColumn('comment', 'text')
        .addColumn('rated_at', 'text')
        .addColumn('day', 'text')
        .execute();
      await db.schema
        .createIndex('satisfaction_ratings_session')
        .on('satisfaction_ratings')
        .columns(['conversation_id', 'session_key'])
        .unique()
        .execute();
      await db.schema.createIndex('satisfaction_ratings_day').on('satisfaction_ratings').columns(['shop_id', 'day']).execute();
    },
  };
}
