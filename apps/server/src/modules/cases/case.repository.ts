import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export type CaseRow = Selectable<Database['cases']>;
export type CaseEventRow = Selectable<Database['case_events']>;
export type CompensationRow = Selectable<Database['case_compensations']>;
export type EvidenceRow = Selectable<Database['case_evidence']>;
/** A case with the names people know its order and buyer by. */
export type CaseWithNames = CaseRow & { order_no: string; buyer_name: string };

/** Everything a case's view shows, read together. */
export interface CaseRecord {
  row: CaseWithNames;
  events: CaseEventRow[];
  compensations: CompensationRow[];
  evidence: EvidenceRow[];
}

const FINAL_STATES = ['completed', 'rejected', 'cancelled'];

function withNames(db: Queryable) {
  return db
    .selectFrom('cases as c')
    .innerJoin('orders as o', 'o.id', 'c.order_id')
    .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
    .selectAll('c')
    .select(['o.order_no', 'b.nick as buyer_name']);
}

export async function insertCase(db: Queryable, row: Insertable<Database['cases']>) {
  await db.insertInto('cases').values(row).execute();
}

export async function findCase(db: Queryable, shopId: string, id: string): Promise<CaseWithNames | undefined> {
  return withNames(db).where('c.shop_id', '=', shopId).where('c.id', '=', id).executeTakeFirst();
}

/** A case by the number people (and the shop's system) know it by. */
export async function findCaseRecordByNo(db: Queryable, shopId: string, caseNo: string): Promise<CaseRecord | undefined> {
  const row = await withNames(db).where('c.shop_id', '=', shopId).where('c.case_no', '=', caseNo).executeTakeFirst();
  if (!row) return undefined;
  const [record] = await loadDetails(db, [row]);
  return record;
}

/** The case with its timeline, goodwill and photos. */
export async function findCaseRecord(db: Queryable, shopId: string, id: string): Promise<CaseRecord | undefined> {
  const row = await findCase(db, shopId, id);
  if (!row) return undefined;
  const [records] = await loadDetails(db, [row]);
  return records;
}

async function loadDetails(db: Queryable, rows: CaseWithNames[]): Promise<CaseRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [events, compensations, evidence] = await Promise.all([
    db.selectFrom('case_events').selectAll().where('case_id', 'in', ids).orderBy('seq').execute(),
    db.selectFrom('case_compensations').selectAll().where('case_id', 'in', ids).orderBy('created_at').execute(),
    db.selectFrom('case_evidence').selectAll().where('case_id', 'in', ids).orderBy('uploaded_at').execute(),
  ]);
  return rows.map((row) => ({
    row,
    events: events.filter((e) => e.case_id === row.id),
    compensations: compensations.filter((c) => c.case_id === row.id),
    evidence: evidence.filter((e) => e.case_id === row.id),
  }));
}

export interface CaseFilter {
  state?: string;
  type?: string;
  assigneeId?: string;
  buyerId?: string;
  orderId?: string;
  /** Past their deadline at `now` and not finished. */
  overdueAt?: string;
  status?: 'open' | 'closed';
}

/** A shop's cases, most urgent first (open ones by deadline, then the rest newest first). */
export async function listCaseRecords(db: Queryable, shopId: string, filter: CaseFilter, limit: number): Promise<CaseRecord[]> {
  let query = withNames(db).where('c.shop_id', '=', shopId);
  if (filter.state) query = query.where('c.state', '=', filter.state);
  if (filter.type) query = query.where('c.type', '=', filter.type);
  if (filter.assigneeId) query = query.where('c.assignee_id', '=', filter.assigneeId);
  if (filter.buyerId) query = query.where('c.buyer_id', '=', filter.buyerId);
  if (filter.orderId) query = query.where('c.order_id', '=', filter.orderId);
  if (filter.status === 'open' || filter.overdueAt) query = query.where('c.state', 'not in', FINAL_STATES);
  if (filter.status === 'closed') query = query.where('c.state', 'in', FINAL_STATES);
  if (filter.overdueAt) query = query.where('c.deadline_at', '<', filter.overdueAt);
  // Open cases (no closed_at) first on both databases (they sort NULLs differently), by deadline; then the closed, newest first.
  const rows = await query
    .orderBy('c.closed_at', (ob) => ob.desc().nullsFirst())
    .orderBy('c.deadline_at')
    .limit(limit)
    .execute();
  return loadDetails(db, rows);
}

/** A buyer's cases in one shop, newest first. */
export async function listBuyerCaseRecords(db: Queryable, shopId: string, buyerId: string): Promise<CaseRecord[]> {
  const rows = await withNames(db)
    .where('c.shop_id', '=', shopId)
    .where('c.buyer_id', '=', buyerId)
    .orderBy('c.created_at', 'desc')
    .limit(100)
    .execute();
  return loadDetails(db, rows);
}

/** The open case of this type on the order, if any (one at a time per type and order). */
export async function findOpenCaseOfOrder(db: Queryable, shopId: string, orderId: string, type: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'case_no'])
    .where('shop_id', '=', shopId)
    .where('order_id', '=', orderId)
    .where('type', '=', type)
    .where('state', 'not in', FINAL_STATES)
    .executeTakeFirst();
}

/**
 * Writes changes to a case that is still in `expectedState`; false when it moved meanwhile (another agent, the
 * buyer, a task on another process), so the caller refuses instead of overwriting.
 */
export async function updateCaseIfIn(
  db: Queryable,
  id: string,
  expectedState: string,
  changes: Updateable<Database['cases']>,
): Promise<boolean> {
  const result = await db
    .updateTable('cases')
    .set(changes)
    .where('id', '=', id)
    .where('state', '=', expectedState)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertCaseEvent(db: Queryable, row: Omit<Insertable<Database['case_events']>, 'seq'>) {
  const last = await db
    .selectFrom('case_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('case_id', '=', row.case_id)
    .executeTakeFirst();
  await db
    .insertInto('case_events')
    .values({ ...row, seq: Number(last?.seq ?? 0) + 1 })
    .execute();
}

export async function insertCompensation(db: Queryable, row: Insertable<Database['case_compensations']>) {
  await db.insertInto('case_compensations').values(row).execute();
}

export async function findCompensationByApproval(db: Queryable, caseId: string, approvalId: string) {
  return db
    .selectFrom('case_compensations')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('approval_id', '=', approvalId)
    .executeTakeFirst();
}

/** Moves a compensation on from `from`; false when it was no longer there (decided or applied meanwhile). */
export async function updateCompensationIfIn(
  db: Queryable,
  id: string,
  from: string,
  changes: Updateable<Database['case_compensations']>,
): Promise<boolean> {
  const result = await db
    .updateTable('case_compensations')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Goodwill already given on the case on the givers' own authority (approved amounts do not count against it). */
export async function sumOwnAuthorityCompensations(db: Queryable, caseId: string): Promise<number> {
  const row = await db
    .selectFrom('case_compensations')
    .select((eb) => eb.fn.sum<number>('amount_fen').as('total'))
    .where('case_id', '=', caseId)
    .where('status', '=', 'applied')
    .where('approval_id', 'is', null)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

export async function insertEvidence(db: Queryable, row: Insertable<Database['case_evidence']>) {
  await db
    .insertInto('case_evidence')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Who uploaded an attachment of the shop (`buyer:<id>` / `agent:<id>`), for attaching only one's own photos. */
export async function findAttachmentUploader(db: Queryable, shopId: string, attachmentId: string) {
  const row = await db
    .selectFrom('attachments')
    .select('uploaded_by')
    .where('shop_id', '=', shopId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  return row?.uploaded_by;
}

/** Open cases whose deadline falls before `until` and whose assignee was not reminded yet. */
export async function listCasesToRemind(db: Queryable, shopId: string, until: string, limit: number) {
  return db
    .selectFrom('cases')
    .select(['id'])
    .where('shop_id', '=', shopId)
    .where('state', 'not in', FINAL_STATES)
    .where('reminded_at', 'is', null)
    .where('deadline_at', '<=', until)
    .orderBy('deadline_at')
    .limit(limit)
    .execute();
}

/** Sets reminded_at once; false when another process reminded first. */
export async function markCaseReminded(db: Queryable, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('cases')
    .set({ reminded_at: at })
    .where('id', '=', id)
    .where('reminded_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** What the policy reads of the order: dates, and the lines with their listings' notes. */
export async function findOrderFacts(db: Queryable, shopId: string, orderId: string) {
  const order = await db
    .selectFrom('orders')
    .select(['id', 'order_no', 'buyer_id', 'status', 'paid_at', 'shipped_at', 'signed_at', 'completed_at'])
    .where('shop_id', '=', shopId)
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!order) return undefined;
  const lines = await db
    .selectFrom('order_items as i')
    .leftJoin('products as p', 'p.id', 'i.product_id')
    .select(['i.product_id', 'i.title', 'p.listing_notes'])
    .where('i.order_id', '=', orderId)
    .orderBy('i.id')
    .execute();
  return { order, lines };
}

/** What the buyer paid for the order (the refund when none was named). */
export async function findOrderTotal(db: Queryable, orderId: string): Promise<number> {
  const row = await db.selectFrom('orders').select('total_fen').where('id', '=', orderId).executeTakeFirst();
  return Number(row?.total_fen ?? 0);
}

/** Cases opened between `from` and `to` (ISO), with what the figures need. */
export async function listCasesOpenedBetween(db: Queryable, shopId: string, from: string, to: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'type', 'state', 'refund_fen', 'deadline_at', 'created_at', 'closed_at'])
    .where('shop_id', '=', shopId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
}

/** Goodwill applied between `from` and `to` (ISO), by the agent who asked for it. */
export async function listCompensationsAppliedBetween(db: Queryable, shopId: string, from: string, to: string) {
  return db
    .selectFrom('case_compensations')
    .select(['requested_by', 'requested_by_name', 'amount_fen'])
    .where('shop_id', '=', shopId)
    .where('status', '=', 'applied')
    .where('applied_at', '>=', from)
    .where('applied_at', '<', to)
    .execute();
}

/** Demo seeding: the shop's signed orders, each with its first line's listing notes, oldest signing first. */
export async function listSignedOrdersWithNotes(db: Queryable, shopId: string) {
  return db
    .selectFrom('orders as o')
    .innerJoin('order_items as i', 'i.order_id', 'o.id')
    .leftJoin('products as p', 'p.id', 'i.product_id')
    .select(['o.id', 'o.buyer_id', 'o.signed_at', 'p.listing_notes'])
    .where('o.shop_id', '=', shopId)
    .where('o.status', 'in', ['signed', 'completed'])
    .orderBy('o.signed_at')
    .orderBy('o.id')
    .execute();
}

/** An order as a new case reads it: its dates and its lines with their listings' notes. */
export type CaseOrder = NonNullable<Awaited<ReturnType<typeof findOrderFacts>>>;

/** A buyer's cases in brief, newest first, for their customer record. */
export async function listBuyerCaseSummaries(db: Queryable, shopId: string, buyerId: string) {
  return db
    .selectFrom('cases as c')
    .innerJoin('orders as o', 'o.id', 'c.order_id')
    .select(['c.id', 'c.case_no', 'c.type', 'c.state', 'c.order_id', 'o.order_no', 'c.deadline_at', 'c.created_at'])
    .where('c.shop_id', '=', shopId)
    .where('c.buyer_id', '=', buyerId)
    .orderBy('c.created_at', 'desc')
    .limit(50)
    .execute();
}
