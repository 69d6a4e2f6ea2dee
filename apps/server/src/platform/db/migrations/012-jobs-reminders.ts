import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Durable jobs and payment reminders (催付): job queue, reminders sent, phone/SMS tasks. */
export function jobsRemindersMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      // The database job backend (used when REDIS_URL is unset). job_key is the deterministic key the
      // scheduler gives a piece of work, so every process enqueuing it lands on one row.
      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('job_key', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('run_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('locked_by', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();

      // One row per reminder sent: UNIQUE(order_id, seq) makes sending the n-th reminder happen once.
      await db.schema
        .createTable('payment_reminders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('buyer_id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text')
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('payment_reminders_order_seq', ['order_id', 'seq'])
        .execute();
      await db.schema.createIndex('payment_reminders_shop').on('payment_reminders').columns(['shop_id', 'sent_at']).execute();

      // Phone/SMS follow-ups for support agents; one per order.
      await db.schema
        .createTable('reminder_tasks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text', (c) => c.notNull().unique())
        .addColumn('buyer_id', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('window_end_at', 'text', (c) => c.notNull())
        .addColumn('assignee_id', 'text')
        .addColumn('assignee_name', 'text')
        .addColumn('outcome', 'text')
        .addColumn('note', 'text')
        .addColumn('done_at', 'text')
        .addColumn('done_by_name', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reminder_tasks_shop').on('reminder_tasks').columns(['shop_id', 'status', 'due_at']).execute();
    },
  };
}
