import type { Queryable } from './database.js';

/** Inserts a settings row unless the key exists; true when this call inserted it. */
export async function insertSettingIfAbsent(db: Queryable, key: string, value: string): Promise<boolean> {
  const inserted = await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The value of a settings row that must exist. */
export async function getRequiredSetting(db: Queryable, key: string): Promise<string> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow()).value;
}

/**
 * The value of a settings row, first written as `valueIfAbsent` when the key is new; every process on the database
 * gets the same value (a first writer wins).
 */
export async function ensureSetting(db: Queryable, key: string, valueIfAbsent: string): Promise<string> {
  await insertSettingIfAbsent(db, key, valueIfAbsent);
  return getRequiredSetting(db, key);
}
