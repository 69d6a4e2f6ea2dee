import type { Queryable } from '../../platform/db/database.js';

export async function findShopBySlug(db: Queryable, slug: string) {
  return db.selectFrom('shops').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findShopById(db: Queryable, id: string) {
  return db.selectFrom('shops').selectAll().where('id', '=', id).executeTakeFirst();
}
