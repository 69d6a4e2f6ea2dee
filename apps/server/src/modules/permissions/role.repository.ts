import type { Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export type ShopRoleRow = Selectable<Database['shop_roles']>;

/** The roles the shop changed or made, oldest first (custom roles are listed in the order they were made). */
export async function listShopRoles(db: Queryable, shopId: string): Promise<ShopRoleRow[]> {
  return db.selectFrom('shop_roles').selectAll().where('shop_id', '=', shopId).orderBy('created_at').orderBy('key').execute();
}

export async function findShopRole(db: Queryable, shopId: string, key: string): Promise<ShopRoleRow | undefined> {
  return db.selectFrom('shop_roles').selectAll().where('shop_id', '=', shopId).where('key', '=', key).executeTakeFirst();
}

export async function insertShopRole(db: Queryable, row: ShopRoleRow): Promise<void> {
  await db.insertInto('shop_roles').values(row).execute();
}

/** Changes a stored role (its name, or its column of capabilities). */
export async function updateShopRole(
  db: Queryable,
  shopId: string,
  key: string,
  change: Partial<Pick<ShopRoleRow, 'name' | 'capabilities_json'>> & { updated_at: string },
): Promise<void> {
  await db.updateTable('shop_roles').set(change).where('shop_id', '=', shopId).where('key', '=', key).execute();
}

export async function deleteShopRole(db: Queryable, shopId: string, key: string): Promise<void> {
  await db.deleteFrom('shop_roles').where('shop_id', '=', shopId).where('key', '=', key).execute();
}

/** How many agents of the shop hold each role (disabled ones too: they come back with it). */
export async function countAgentsByRole(db: Queryable, shopId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('agents')
    .select(['role', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('shop_id', '=', shopId)
    .groupBy('role')
    .execute();
  return new Map(rows.map((row) => [row.role, Number(row.count)]));
}
