import type { Insertable, Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export type TaskRow = Selectable<Database['tasks']>;
/** A task with the numbers people know its case and order by. */
export type TaskWithNumbers = TaskRow & { case_no: string | null; order_no: string | null };

function withNumbers(db: Queryable) {
  return db
    .selectFrom('tasks as t')
    .leftJoin('cases as c', 'c.id', 't.case_id')
    .leftJoin('orders as o', 'o.id', 't.order_id')
    .selectAll('t')
    .select(['c.case_no', 'o.order_no']);
}

/** Creates the task once per source_key: the same work asked twice (a retry, another process) stays one task. */
export async function insertTaskOnce(db: Queryable, row: Insertable<Database['tasks']>): Promise<TaskWithNumbers> {
  await db
    .insertInto('tasks')
    .values(row)
    .onConflict((oc) => oc.columns(['shop_id', 'source_key']).doNothing())
    .execute();
  return (await withNumbers(db)
    .where('t.shop_id', '=', row.shop_id)
    .where('t.source_key', '=', row.source_key)
    .executeTakeFirst())!;
}

export async function findTask(db: Queryable, shopId: string, id: string): Promise<TaskWithNumbers | undefined> {
  return withNumbers(db).where('t.shop_id', '=', shopId).where('t.id', '=', id).executeTakeFirst();
}

export interface TaskFilter {
  status?: string;
  caseId?: string;
  /** The inboxes to show: tasks of these roles, or assigned to this agent. */
  inbox?: { roles: string[]; agentId: string };
}

/** Open tasks by due time, then done ones newest first. */
export async function listTasks(db: Queryable, shopId: string, filter: TaskFilter, limit: number) {
  let query = withNumbers(db).where('t.shop_id', '=', shopId);
  if (filter.status) query = query.where('t.status', '=', filter.status);
  if (filter.caseId) query = query.where('t.case_id', '=', filter.caseId);
  const inbox = filter.inbox;
  if (inbox) {
    query = query.where((eb) =>
      inbox.roles.length
        ? eb.or([
            eb('t.assignee_id', '=', inbox.agentId),
            eb.and([eb('t.assignee_id', 'is', null), eb('t.role', 'in', inbox.roles)]),
          ])
        : eb('t.assignee_id', '=', inbox.agentId),
    );
  }
  return query.orderBy('t.status', 'desc').orderBy('t.due_at').limit(limit).execute();
}

/** Closes an open task; false when it was no longer open (done or cancelled meanwhile). */
export async function closeOpenTask(
  db: Queryable,
  id: string,
  changes: { status: 'done' | 'cancelled'; result_json: string | null; done_at: string; done_by_name: string },
): Promise<boolean> {
  const result = await db.updateTable('tasks').set(changes).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The open tasks of a case, for cancelling them when the case ends. */
export async function listOpenTasksOfCase(db: Queryable, caseId: string) {
  return db
    .selectFrom('tasks')
    .select(['id', 'shop_id', 'kind'])
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .execute();
}
