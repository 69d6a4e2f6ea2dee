import type { Insertable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export async function findShopBySlug(db: Queryable, slug: string) {
  return db.selectFrom('shops').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findShopById(db: Queryable, id: string) {
  return db.selectFrom('shops').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The shop's name (undefined when there is no such shop). */
export async function findShopName(db: Queryable, id: string) {
  return db.selectFrom('shops').select('name').where('id', '=', id).executeTakeFirst();
}

/** The shop's name and raw settings JSON (undefined when there is no such shop). */
export async function findShopNameAndSettings(db: Queryable, id: string) {
  return db.selectFrom('shops').select(['name', 'settings']).where('id', '=', id).executeTakeFirst();
}

/** The shop's raw settings JSON as a row (undefined when there is no such shop). */
export async function findShopSettings(db: Queryable, id: string) {
  return db.selectFrom('shops').select('settings').where('id', '=', id).executeTakeFirst();
}

/** Every shop's id with its raw settings JSON. */
export async function listShopSettings(db: Queryable) {
  return db.selectFrom('shops').select(['id', 'settings']).execute();
}

/** Replaces the shop's whole settings JSON. */
export async function updateShopSettings(db: Queryable, id: string, settingsJson: string) {
  await db.updateTable('shops').set({ settings: settingsJson }).where('id', '=', id).execute();
}

/** Whether any shop exists yet (setup runs only before the first one). */
export async function anyShopExists(db: Queryable): Promise<boolean> {
  return !!(await db.selectFrom('shops').select('id').limit(1).executeTakeFirst());
}

/** Stores a new shop. */
export async function insertShop(db: Queryable, row: Insertable<Database['shops']>) {
  await db.insertInto('shops').values(row).execute();
}
