import type { Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export type PromotionRow = Selectable<Database['promotions']>;

export async function listPromotions(db: Queryable, shopId: string): Promise<PromotionRow[]> {
  return db
    .selectFrom('promotions')
    .selectAll()
    .where('shop_id', '=', shopId)
    .orderBy('starts_at', 'desc')
    .orderBy('id')
    .limit(500)
    .execute();
}

const KIND_ORDER = ['presale', 'full_reduction', 'coupon', 'free_shipping', 'other'];

/** Campaigns running at `at` (starts_at ≤ at ≤ ends_at): 预售, 满减, 优惠券, 包邮, others; by start within a kind. */
export async function listActivePromotionRows(db: Queryable, shopId: string, at: Date): Promise<PromotionRow[]> {
  const iso = at.toISOString();
  const rows = await db
    .selectFrom('promotions')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('starts_at', '<=', iso)
    .where('ends_at', '>=', iso)
    .orderBy('starts_at')
    .orderBy('id')
    .limit(50)
    .execute();
  const rank = (kind: string) => {
    const index = KIND_ORDER.indexOf(kind);
    return index < 0 ? KIND_ORDER.length : index;
  };
  return rows.sort((a, b) => rank(a.kind) - rank(b.kind));
}

export async function findPromotion(db: Queryable, shopId: string, id: string) {
  return db.selectFrom('promotions').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
}

export async function countPromotions(db: Queryable, shopId: string): Promise<number> {
  const row = await db
    .selectFrom('promotions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('shop_id', '=', shopId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Stores new campaigns. */
export async function insertPromotions(db: Queryable, rows: PromotionRow[]) {
  await db.insertInto('promotions').values(rows).execute();
}

/** Changes a campaign of the shop. */
export async function updatePromotion(db: Queryable, shopId: string, id: string, changes: Partial<PromotionRow>) {
  await db.updateTable('promotions').set(changes).where('id', '=', id).where('shop_id', '=', shopId).execute();
}

/** Deletes a campaign of the shop. */
export async function deletePromotionRow(db: Queryable, shopId: string, id: string) {
  await db.deleteFrom('promotions').where('id', '=', id).where('shop_id', '=', shopId).execute();
}
