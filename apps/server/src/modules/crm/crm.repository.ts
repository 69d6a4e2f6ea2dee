import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export type TagRow = Selectable<Database['customer_tags']>;
export type NoteRow = Selectable<Database['buyer_notes']>;
export type SegmentRow = Selectable<Database['segments']>;

// ---- tags -------------------------------------------------------------------------------------

export async function listTags(db: Queryable, shopId: string) {
  return db
    .selectFrom('customer_tags as t')
    .select([
      't.id',
      't.shop_id',
      't.name',
      't.color',
      't.created_at',
      sql<number>`(SELECT COUNT(*) FROM buyer_tags bt WHERE bt.tag_id = t.id)`.as('buyer_count'),
    ])
    .where('t.shop_id', '=', shopId)
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
}

export async function findTag(db: Queryable, shopId: string, id: string) {
  return db.selectFrom('customer_tags').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
}

export async function findTagByName(db: Queryable, shopId: string, name: string) {
  return db.selectFrom('customer_tags').selectAll().where('shop_id', '=', shopId).where('name', '=', name).executeTakeFirst();
}

export async function insertTag(db: Queryable, row: TagRow) {
  await db.insertInto('customer_tags').values(row).execute();
}

export async function updateTag(db: Queryable, shopId: string, id: string, changes: Partial<Pick<TagRow, 'name' | 'color'>>) {
  await db.updateTable('customer_tags').set(changes).where('shop_id', '=', shopId).where('id', '=', id).execute();
}

export async function deleteTag(db: Queryable, shopId: string, id: string) {
  await db.deleteFrom('buyer_tags').where('shop_id', '=', shopId).where('tag_id', '=', id).execute();
  await db.deleteFrom('customer_tags').where('shop_id', '=', shopId).where('id', '=', id).execute();
}

/** Tags of each buyer, keyed by buyer id. */
export async function tagsOfBuyers(db: Queryable, shopId: string, buyerIds: string[]) {
  const byBuyer = new Map<string, TagRow[]>();
  if (buyerIds.length === 0) return byBuyer;
  const rows = await db
    .selectFrom('buyer_tags as bt')
    .innerJoin('customer_tags as t', 't.id', 'bt.tag_id')
    .select(['bt.buyer_id', 't.id', 't.shop_id', 't.name', 't.color', 't.created_at'])
    .where('bt.shop_id', '=', shopId)
    .where('bt.buyer_id', 'in', buyerIds)
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
  for (const { buyer_id, ...tag } of rows) byBuyer.set(buyer_id, [...(byBuyer.get(buyer_id) ?? []), tag]);
  return byBuyer;
}

/** Replaces the buyer's tags with exactly these (already checked to be the shop's). */
export async function replaceBuyerTags(db: Queryable, shopId: string, buyerId: string, tagIds: string[], at: string) {
  await db.deleteFrom('buyer_tags').where('shop_id', '=', shopId).where('buyer_id', '=', buyerId).execute();
  if (tagIds.length === 0) return;
  await db
    .insertInto('buyer_tags')
    .values(tagIds.map((tagId) => ({ shop_id: shopId, buyer_id: buyerId, tag_id: tagId, created_at: at })))
    .execute();
}

// ---- notes ------------------------------------------------------------------------------------

export async function listNotes(db: Queryable, shopId: string, buyerId: string, limit: number) {
  return db
    .selectFrom('buyer_notes')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('buyer_id', '=', buyerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function findNote(db: Queryable, shopId: string, id: string) {
  return db.selectFrom('buyer_notes').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
}

export async function insertNote(db: Queryable, row: NoteRow) {
  await db.insertInto('buyer_notes').values(row).execute();
}

export async function updateNoteText(db: Queryable, id: string, text: string, at: string) {
  await db.updateTable('buyer_notes').set({ text, edited_at: at }).where('id', '=', id).execute();
}

export async function deleteNote(db: Queryable, id: string) {
  await db.deleteFrom('buyer_notes').where('id', '=', id).execute();
}

// ---- buyer fields -----------------------------------------------------------------------------

export type BuyerCrmChanges = Partial<
  Pick<
    Selectable<Database['buyers']>,
    | 'vip_level'
    | 'customer_type'
    | 'customer_type_set_by'
    | 'customer_type_set_at'
    | 'blocked_at'
    | 'blocked_by'
    | 'blocked_by_name'
    | 'block_reason'
  >
>;

export async function updateBuyerCrm(db: Queryable, shopId: string, buyerId: string, changes: BuyerCrmChanges) {
  await db.updateTable('buyers').set(changes).where('shop_id', '=', shopId).where('id', '=', buyerId).execute();
}

/** Receivers the buyer used on orders, most recently used first. */
export async function addressesOfBuyer(db: Queryable, shopId: string, buyerId: string) {
  const rows = await db
    .selectFrom('orders')
    .select([
      'receiver_name',
      'receiver_phone',
      'receiver_address',
      sql<string | null>`MAX(receiver_province)`.as('province'),
      sql<string>`MAX(placed_at)`.as('last_used_at'),
      sql<number>`COUNT(*)`.as('order_count'),
    ])
    .where('shop_id', '=', shopId)
    .where('buyer_id', '=', buyerId)
    .groupBy(['receiver_name', 'receiver_phone', 'receiver_address'])
    .orderBy(sql`MAX(placed_at)`, 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => ({ ...r, order_count: Number(r.order_count) }));
}

export async function lastOrderAt(db: Queryable, shopId: string, buyerId: string): Promise<string | null> {
  const row = await db
    .selectFrom('orders')
    .select(sql<string | null>`MAX(placed_at)`.as('at'))
    .where('shop_id', '=', shopId)
    .where('buyer_id', '=', buyerId)
    .executeTakeFirst();
  return row?.at ?? null;
}

/** Buyer messages stored since the buyer was blocked (held from the agents). */
export async function heldMessageCount(db: Queryable, shopId: string, buyerId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('messages as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .select(sql<number>`COUNT(*)`.as('n'))
    .where('c.shop_id', '=', shopId)
    .where('c.buyer_id', '=', buyerId)
    .where('m.sender', '=', 'buyer')
    .where('m.created_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ---- segments ---------------------------------------------------------------------------------

export async function listSegments(db: Queryable, shopId: string) {
  return db.selectFrom('segments').selectAll().where('shop_id', '=', shopId).orderBy('created_at').orderBy('id').execute();
}

/** How many segments the shop has saved. */
export async function countSegments(db: Queryable, shopId: string): Promise<number> {
  const count = await db
    .selectFrom('segments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('shop_id', '=', shopId)
    .executeTakeFirst();
  return Number(count?.n ?? 0);
}

export async function findSegment(db: Queryable, shopId: string, id: string) {
  return db.selectFrom('segments').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
}

export async function insertSegment(db: Queryable, row: SegmentRow) {
  await db.insertInto('segments').values(row).execute();
}

export async function updateSegment(
  db: Queryable,
  shopId: string,
  id: string,
  changes: Pick<SegmentRow, 'name' | 'filter_json' | 'updated_at'>,
) {
  await db.updateTable('segments').set(changes).where('shop_id', '=', shopId).where('id', '=', id).execute();
}

export async function deleteSegment(db: Queryable, shopId: string, id: string) {
  await db.deleteFrom('segments').where('shop_id', '=', shopId).where('id', '=', id).execute();
}
