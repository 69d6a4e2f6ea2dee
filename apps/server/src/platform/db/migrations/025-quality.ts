import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * 质检 results: each service session's automatic inspection (its state as messages are relayed, and its score), the rule
 * hits on its lines, and the managers' reviews on the shop's scorecard. See modules/quality/quality-sessions.ts.
 */
export function qualityMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('quality_sessions')
        // `<conversation id>.<start seq>`: the same when the shop is inspected again, so reviews stay attached.
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('buyer_id', 'text', (c) => c.notNull())
        .addColumn('service_key', 'text', (c) => c.notNull())
        .addColumn('start_seq', 'integer', (c) => c.notNull())
        .addColumn('last_seq', 'integer', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('last_at', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text')
        .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('agent_id', 'text')
        .addColumn('replies', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('waiting_since', 'text')
        .addColumn('last_reply_id', 'text')
        .addColumn('last_reply_length', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_reply_quote', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('closing_rules', 'text')
        .addColumn('hit_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('score', 'integer', (c) => c.notNull().defaultTo(100))
        .execute();
      await db.schema
        .createIndex('quality_sessions_conversation')
        .on('quality_sessions')
        .columns(['conversation_id', 'start_seq'])
        .execute();
      await db.schema.createIndex('quality_sessions_day').on('quality_sessions').columns(['shop_id', 'day']).execute();
      await db.schema
        .createIndex('quality_sessions_agent_day')
        .on('quality_sessions')
        .columns(['shop_id', 'agent_id', 'day'])
        .execute();

      await db.schema
        .createTable('quality_hits')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('agent_id', 'text')
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('span_start', 'integer', (c) => c.notNull())
        .addColumn('span_end', 'integer', (c) => c.notNull())
        .addColumn('quote', 'text', (c) => c.notNull())
        .addColumn('points', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      // A message replayed by the relay (or inspected by two paths) records each hit once.
      await db.schema
        .createIndex('quality_hits_once')
        .on('quality_hits')
        .columns(['message_id', 'rule_id', 'span_start'])
        .unique()
        .execute();
      await db.schema.createIndex('quality_hits_session').on('quality_hits').columns(['session_id']).execute();
      await db.schema.createIndex('quality_hits_conversation').on('quality_hits').columns(['conversation_id']).execute();

      await db.schema
        .createTable('quality_reviews')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('agent_id', 'text')
        .addColumn('reviewer_id', 'text', (c) => c.notNull())
        .addColumn('scores_json', 'text', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('quality_reviews_once')
        .on('quality_reviews')
        .columns(['session_id', 'reviewer_id'])
        .unique()
        .execute();
      await db.schema.createIndex('quality_reviews_agent').on('quality_reviews').columns(['shop_id', 'agent_id']).execute();
    },
  };
}
