import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export type ImportRow = Database['imports'];

export async function insertImport(db: Queryable, row: ImportRow) {
  await db.insertInto('imports').values(row).execute();
}

export async function findImport(db: Queryable, shopId: string, id: string) {
  return db.selectFrom('imports').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
}

/** The shop's latest imports, newest first. */
export async function listImports(db: Queryable, shopId: string, limit: number) {
  return db
    .selectFrom('imports')
    .selectAll()
    .where('shop_id', '=', shopId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Progress, written in the same transaction as the batch it counts. */
export async function updateImport(db: Queryable, id: string, changes: Partial<Omit<ImportRow, 'id' | 'shop_id'>>) {
  await db.updateTable('imports').set(changes).where('id', '=', id).execute();
}
