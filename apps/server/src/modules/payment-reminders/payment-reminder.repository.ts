import type { Updateable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

/** Unpaid orders placed between `placedFrom` and `placedTo`, with how many reminders they had and whether a task exists. */
export async function listUnpaidOrdersToRemind(db: Queryable, shopId: string, placedFrom: string, placedTo: string) {
  const rows = await db
    .selectFrom('orders as o')
    .innerJoin('buyers as b', 'b.id', 'o.buyer_id')
    .select((eb) => [
      'o.id',
      'o.placed_at',
      'o.total_fen',
      'b.vip_level',
      eb
        .selectFrom('payment_reminders as r')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('r.order_id', '=', 'o.id')
        .as('sent'),
      eb
        .selectFrom('payment_reminders as r')
        .select((e) => e.fn.max('r.sent_at').as('m'))
        .whereRef('r.order_id', '=', 'o.id')
        .as('last_sent_at'),
      eb.selectFrom('reminder_tasks as t').select('t.id').whereRef('t.order_id', '=', 'o.id').as('task_id'),
    ])
    .where('o.shop_id', '=', shopId)
    .where('o.status', '=', 'pending_payment')
    .where('o.placed_at', '>=', placedFrom)
    .where('o.placed_at', '<=', placedTo)
    .where('b.blocked_at', 'is', null)
    .orderBy('o.placed_at')
    .limit(2000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    placedAt: r.placed_at,
    totalFen: Number(r.total_fen),
    vipLevel: Number(r.vip_level),
    sent: Number(r.sent ?? 0),
    lastSentAt: (r.last_sent_at as string | null) ?? null,
    taskId: r.task_id ?? null,
  }));
}

/** Open tasks whose order is no longer waiting for payment. */
export async function listSettledOpenTasks(db: Queryable, shopId: string) {
  return db
    .selectFrom('reminder_tasks as t')
    .innerJoin('orders as o', 'o.id', 't.order_id')
    .select('t.id')
    .where('t.shop_id', '=', shopId)
    .where('t.status', '=', 'open')
    .where('o.status', '<>', 'pending_payment')
    .limit(500)
    .execute();
}

function taskQuery(db: Queryable, shopId: string) {
  return db
    .selectFrom('reminder_tasks as t')
    .innerJoin('orders as o', 'o.id', 't.order_id')
    .innerJoin('buyers as b', 'b.id', 't.buyer_id')
    .selectAll('t')
    .select((eb) => [
      'o.order_no',
      'o.status as order_status',
      'o.total_fen',
      'o.receiver_phone',
      'b.nick as buyer_nick',
      'b.vip_level',
      'b.phone as buyer_phone',
      eb
        .selectFrom('payment_reminders as r')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('r.order_id', '=', 't.order_id')
        .as('reminders_sent'),
    ])
    .where('t.shop_id', '=', shopId);
}

export type ReminderTaskRow = Awaited<ReturnType<ReturnType<typeof taskQuery>['executeTakeFirstOrThrow']>>;

export async function listReminderTasks(
  db: Queryable,
  shopId: string,
  filter: { status: 'open' | 'done' | 'all'; assigneeId?: string },
) {
  let query = taskQuery(db, shopId);
  if (filter.status !== 'all') query = query.where('t.status', '=', filter.status);
  if (filter.assigneeId) query = query.where('t.assignee_id', '=', filter.assigneeId);
  return filter.status === 'open'
    ? query.orderBy('t.due_at').orderBy('t.id').limit(500).execute()
    : query.orderBy('t.updated_at', 'desc').orderBy('t.id').limit(500).execute();
}

export async function findReminderTask(db: Queryable, shopId: string, id: string) {
  return taskQuery(db, shopId).where('t.id', '=', id).executeTakeFirst();
}

/** First reminders sent in [from, to) with the order's payment, for the figures. */
export async function listFirstReminders(db: Queryable, shopId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('payment_reminders as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .select(['r.order_id', 'r.sent_at', 'o.paid_at', 'o.total_fen'])
    .where('r.shop_id', '=', shopId)
    .where('r.seq', '=', 1)
    .where('r.sent_at', '>=', from)
    .where('r.sent_at', '<', to)
    .execute();
  return rows.map((r) => ({ orderId: r.order_id, sentAt: r.sent_at, paidAt: r.paid_at, totalFen: Number(r.total_fen) }));
}

export type ReminderTaskRecord = Database['reminder_tasks'];
export type PaymentReminderRecord = Database['payment_reminders'];

/** Stores a follow-up task unless the order has one already; true when this call created it. */
export async function insertReminderTaskOnce(db: Queryable, row: ReminderTaskRecord): Promise<boolean> {
  const inserted = await db
    .insertInto('reminder_tasks')
    .values(row)
    .onConflict((oc) => oc.column('order_id').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Stores follow-up tasks (seeding). */
export async function insertReminderTasks(db: Queryable, rows: ReminderTaskRecord[]) {
  await db.insertInto('reminder_tasks').values(rows).execute();
}

/** The task's status with its order's status (undefined when the shop has no such task). */
export async function findTaskWithOrderStatus(db: Queryable, shopId: string, taskId: string) {
  return db
    .selectFrom('reminder_tasks as t')
    .innerJoin('orders as o', 'o.id', 't.order_id')
    .select(['t.id', 't.status', 'o.status as order_status'])
    .where('t.shop_id', '=', shopId)
    .where('t.id', '=', taskId)
    .executeTakeFirst();
}

/** Changes a task only while it is open; false when it was done meanwhile. */
export async function updateOpenReminderTask(
  db: Queryable,
  id: string,
  changes: Updateable<Database['reminder_tasks']>,
): Promise<boolean> {
  const updated = await db
    .updateTable('reminder_tasks')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** The seq of every reminder already sent for the order. */
export async function listReminderSeqs(db: Queryable, orderId: string) {
  return db.selectFrom('payment_reminders').select('seq').where('order_id', '=', orderId).execute();
}

/** Records a sent reminder unless that (order, seq) exists already; true when this call recorded it. */
export async function insertPaymentReminderOnce(db: Queryable, row: PaymentReminderRecord): Promise<boolean> {
  const inserted = await db
    .insertInto('payment_reminders')
    .values(row)
    .onConflict((oc) => oc.columns(['order_id', 'seq']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Stores reminders already sent (seeding). */
export async function insertPaymentReminders(db: Queryable, rows: PaymentReminderRecord[]) {
  await db.insertInto('payment_reminders').values(rows).execute();
}

/** Links a reminder to the chat message that carried it. */
export async function setReminderMessage(db: Queryable, id: string, messageId: string) {
  await db.updateTable('payment_reminders').set({ message_id: messageId }).where('id', '=', id).execute();
}

/** A new open 催付 call task for the order, due in its call window; nobody has taken or finished it yet. */
export function openReminderTask(props: {
  id: string;
  shopId: string;
  orderId: string;
  buyerId: string;
  reason: string;
  window: { dueAt: Date; endAt: Date };
  at: string;
}): ReminderTaskRecord {
  return {
    id: props.id,
    shop_id: props.shopId,
    order_id: props.orderId,
    buyer_id: props.buyerId,
    reason: props.reason,
    status: 'open',
    due_at: props.window.dueAt.toISOString(),
    window_end_at: props.window.endAt.toISOString(),
    assignee_id: null,
    assignee_name: null,
    outcome: null,
    note: null,
    done_at: null,
    done_by_name: null,
    created_at: props.at,
    updated_at: props.at,
  };
}
