import { presentStoredText, readStoredText, type ExceptionKind, type LogisticsExceptionView } from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';

export interface RaiseException {
  shopId: string;
  orderId: string;
  kind: ExceptionKind;
  /** What happened: the tracking description, or a coded text the server wrote (storeServerText: 已 4 天没有物流更新…). */
  detail: string;
  at: string;
}

/**
 * Opens an exception unless one of this kind is already open for the order (the unique open_key makes
 * this safe with several processes). Returns the new id, or undefined when one was open already.
 */
export async function raiseException(db: Queryable, props: RaiseException): Promise<string | undefined> {
  const id = newId();
  const result = await db
    .insertInto('logistics_exceptions')
    .values({
      id,
      shop_id: props.shopId,
      order_id: props.orderId,
      kind: props.kind,
      detail: readStoredText(props.detail).coded ? props.detail : props.detail.slice(0, 200),
      open_key: `${props.orderId}:${props.kind}`,
      raised_at: props.at,
      resolved_at: null,
      resolved_by: null,
      resolved_by_name: null,
      note: null,
    })
    .onConflict((oc) => oc.columns(['shop_id', 'open_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? id : undefined;
}

/** Closes an open exception; undefined when it was not open (already resolved by someone else). */
export async function closeException(
  db: Queryable,
  shopId: string,
  id: string,
  by: { id: string | null; name: string },
  note: string | null,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('logistics_exceptions')
    .set({ open_key: null, resolved_at: at, resolved_by: by.id, resolved_by_name: by.name, note })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The id of the order's open exception of `kind`, if one is open (found by its open_key). */
export async function findOpenExceptionId(db: Queryable, shopId: string, orderId: string, kind: ExceptionKind) {
  return db
    .selectFrom('logistics_exceptions')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('open_key', '=', `${orderId}:${kind}`)
    .executeTakeFirst();
}

function viewQuery(db: Queryable, shopId: string) {
  return db
    .selectFrom('logistics_exceptions as e')
    .innerJoin('orders as o', 'o.id', 'e.order_id')
    .innerJoin('buyers as b', 'b.id', 'o.buyer_id')
    .select([
      'e.id',
      'e.kind',
      'e.detail',
      'e.raised_at',
      'e.resolved_at',
      'e.resolved_by',
      'e.resolved_by_name',
      'e.note',
      'o.id as order_id',
      'o.order_no',
      'o.status as order_status',
      'o.carrier',
      'o.tracking_no',
      'b.id as buyer_id',
      'b.nick',
      (eb) =>
        eb
          .selectFrom('conversations as c')
          .select('c.id')
          .whereRef('c.buyer_id', '=', 'o.buyer_id')
          .orderBy('c.created_at', 'desc')
          .limit(1)
          .as('conversation_id'),
    ])
    .where('e.shop_id', '=', shopId);
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>['execute']>>[number];

export function presentException(row: ViewRow): LogisticsExceptionView {
  return {
    id: row.id,
    kind: row.kind as ExceptionKind,
    ...presentStoredText('detail', row.detail),
    raisedAt: row.raised_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_at ? { id: row.resolved_by, name: row.resolved_by_name ?? '' } : null,
    ...(row.note ? presentStoredText('note', row.note) : { note: null, noteText: null }),
    order: {
      id: row.order_id,
      orderNo: row.order_no,
      status: row.order_status,
      carrier: row.carrier,
      trackingNo: row.tracking_no,
    },
    buyer: { id: row.buyer_id, nick: row.nick },
    conversationId: row.conversation_id ?? null,
  };
}

/** Open exceptions oldest first (the longest-waiting parcel on top), or resolved ones newest first. */
export async function listExceptions(
  db: Queryable,
  shopId: string,
  filter: { status: 'open' | 'resolved'; limit: number; orderId?: string },
) {
  let query = viewQuery(db, shopId);
  query =
    filter.status === 'open'
      ? query.where('e.resolved_at', 'is', null).orderBy('e.raised_at', 'asc')
      : query.where('e.resolved_at', 'is not', null).orderBy('e.resolved_at', 'desc');
  if (filter.orderId) query = query.where('e.order_id', '=', filter.orderId);
  const rows = await query.orderBy('e.id').limit(filter.limit).execute();
  return rows.map(presentException);
}

export async function countOpenExceptions(db: Queryable, shopId: string): Promise<number> {
  const row = await db
    .selectFrom('logistics_exceptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('shop_id', '=', shopId)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findException(db: Queryable, shopId: string, id: string): Promise<LogisticsExceptionView | undefined> {
  const row = await viewQuery(db, shopId).where('e.id', '=', id).executeTakeFirst();
  return row ? presentException(row) : undefined;
}
