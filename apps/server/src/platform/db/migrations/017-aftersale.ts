import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * After-sales (售后): cases with their timeline, goodwill, evidence photos, and colleague tasks. Approval requests
 * learn which order they concern, since a request may now be about a case (whose order is the case's).
 */
export function aftersaleMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('cases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('case_no', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('buyer_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text')
        .addColumn('assignee_id', 'text')
        .addColumn('assignee_name', 'text')
        .addColumn('reason', 'text')
        // JSON array of order-line indexes; [] = the whole order.
        .addColumn('item_indexes', 'text', (c) => c.notNull())
        .addColumn('refund_fen', 'integer')
        // The policy's verdict when the case was opened (kept: a later policy change does not rewrite history).
        .addColumn('eligibility_json', 'text', (c) => c.notNull())
        .addColumn('deadline_at', 'text', (c) => c.notNull())
        .addColumn('return_address', 'text')
        .addColumn('return_carrier', 'text')
        .addColumn('return_tracking_no', 'text')
        .addColumn('reship_carrier', 'text')
        .addColumn('reship_tracking_no', 'text')
        .addColumn('evidence_requested_at', 'text')
        // JSON {step: doneAt} of the complaint guide.
        .addColumn('guide_json', 'text', (c) => c.notNull())
        .addColumn('opened_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('reminded_at', 'text')
        .addUniqueConstraint('cases_shop_case_no', ['shop_id', 'case_no'])
        .execute();
      await db.schema.createIndex('cases_shop_state').on('cases').columns(['shop_id', 'state', 'deadline_at']).execute();
      await db.schema.createIndex('cases_shop_buyer').on('cases').columns(['shop_id', 'buyer_id']).execute();
      await db.schema.createIndex('cases_shop_order').on('cases').columns(['shop_id', 'order_id']).execute();

      await db.schema
        .createTable('case_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text')
        .addColumn('note', 'text')
        .addColumn('actor_kind', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('data_json', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        // Entries written in the same millisecond keep the order they were written in.
        .addColumn('seq', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'seq']).execute();

      await db.schema
        .createTable('case_compensations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('amount_fen', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('approval_id', 'text')
        .addColumn('requested_by', 'text', (c) => c.notNull())
        .addColumn('requested_by_name', 'text', (c) => c.notNull())
        .addColumn('decision_note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('applied_at', 'text')
        .execute();
      await db.schema.createIndex('case_compensations_case').on('case_compensations').columns(['case_id']).execute();

      await db.schema
        .createTable('case_evidence')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('attachment_id', 'text', (c) => c.notNull())
        .addColumn('uploaded_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('case_evidence_attachment', ['case_id', 'attachment_id'])
        .execute();

      // 协同任务: one inbox for colleagues' work (仓库, 财务, 质检, 回访). source_key makes creating a task idempotent.
      await db.schema
        .createTable('tasks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('assignee_id', 'text')
        .addColumn('assignee_name', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text')
        .addColumn('order_id', 'text')
        .addColumn('buyer_id', 'text')
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('result_json', 'text')
        .addColumn('source_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('done_at', 'text')
        .addColumn('done_by_name', 'text')
        .addUniqueConstraint('tasks_shop_source', ['shop_id', 'source_key'])
        .execute();
      await db.schema.createIndex('tasks_shop_status').on('tasks').columns(['shop_id', 'status', 'due_at']).execute();
      await db.schema.createIndex('tasks_case').on('tasks').columns(['case_id']).execute();

      await db.schema.alterTable('approval_requests').addColumn('order_id', 'text').execute();
      await sql`UPDATE approval_requests SET order_id = target_id WHERE order_id IS NULL`.execute(db);
    },
  };
}
