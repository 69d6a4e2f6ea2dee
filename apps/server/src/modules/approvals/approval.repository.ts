import type { Queryable } from '../../platform/db/database.js';
import type { Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export type ApprovalRow = Selectable<Database['approval_requests']>;

export async function insertApproval(db: Queryable, row: ApprovalRow) {
  await db.insertInto('approval_requests').values(row).execute();
}

/** A request with the order number (and the case number of a case's request) people know it by. */
function withNumbers(db: Queryable) {
  return db
    .selectFrom('approval_requests as a')
    .innerJoin('orders as o', 'o.id', 'a.order_id')
    .leftJoin('cases as c', (join) => join.onRef('c.id', '=', 'a.target_id').on('a.kind', 'like', 'case.%'))
    .selectAll('a')
    .select(['o.order_no', 'c.case_no']);
}

export type ApprovalWithNumbers = ApprovalRow & { order_no: string; case_no: string | null };

export async function findApproval(db: Queryable, shopId: string, id: string): Promise<ApprovalWithNumbers | undefined> {
  return withNumbers(db).where('a.shop_id', '=', shopId).where('a.id', '=', id).executeTakeFirst();
}

export async function listApprovals(db: Queryable, shopId: string, status: string | undefined, limit: number) {
  let query = withNumbers(db).where('a.shop_id', '=', shopId);
  if (status) query = query.where('a.status', '=', status);
  return query.orderBy('a.created_at', 'desc').limit(limit).execute();
}

/** Settles a pending request; false when it was no longer pending (decided or closed meanwhile, e.g. by another process). */
export async function settlePendingApproval(db: Queryable, id: string, changes: Partial<ApprovalRow>): Promise<boolean> {
  const result = await db
    .updateTable('approval_requests')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The pending requests about one target (an order …), for closing those its new state no longer allows. */
export async function listPendingApprovalsFor(db: Queryable, shopId: string, targetId: string) {
  return db
    .selectFrom('approval_requests')
    .select(['id', 'kind'])
    .where('shop_id', '=', shopId)
    .where('target_id', '=', targetId)
    .where('status', '=', 'pending')
    .execute();
}

/** Closes a request that is still pending with the reason as its note; false when someone settled it first. */
export async function cancelPendingApproval(db: Queryable, id: string, note: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('approval_requests')
    .set({ status: 'cancelled', decision_note: note, decided_at: at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
