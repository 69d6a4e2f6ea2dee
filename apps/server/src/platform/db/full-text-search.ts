import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { sql, type Kysely } from 'kysely';
import type { DialectName, Queryable } from './database.js';

// Chinese has no spaces: text is cut into words with jieba, stored space-separated, and indexed by
// FTS5 (SQLite) or a tsvector GIN index (PostgreSQL). Both tokenise on the spaces, so two-character
// words like 发货 are found, which trigram indexes miss.
const jieba = Jieba.withDict(dict);
const PUNCTUATION = /^[\s\p{P}\p{S}]+$/u;

/** Words of a text as indexed: the fine-grained search cut, lower-cased, without punctuation. */
export function wordsForIndex(text: string): string {
  return unique(jieba.cutForSearch(text, true)).join(' ');
}

/** Words of a query: every one must match. */
export function wordsForQuery(text: string): string[] {
  return unique(jieba.cut(text, true));
}

function unique(words: string[]): string[] {
  const seen = new Set<string>();
  for (const word of words) {
    const w = word.trim().toLowerCase();
    if (w && !PUNCTUATION.test(w)) seen.add(w);
  }
  return [...seen];
}

export async function createSearchTable(db: Kysely<unknown>, dialect: DialectName) {
  if (dialect === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE message_search USING fts5(
      search_text, message_id UNINDEXED, shop_id UNINDEXED, conversation_id UNINDEXED,
      tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
    return;
  }
  await db.schema
    .createTable('message_search')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX message_search_words ON message_search USING gin (to_tsvector('simple', search_text))`.execute(db);
  await db.schema.createIndex('message_search_shop').on('message_search').column('shop_id').execute();
}

/** Message ids of one shop whose text holds every word, newest first. */
export async function searchMessageIds(
  db: Queryable,
  dialect: DialectName,
  shopId: string,
  words: string[],
  limit: number,
): Promise<string[]> {
  if (words.length === 0) return [];
  if (dialect === 'sqlite') {
    const match = words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' AND ');
    const rows = await sql<{ message_id: string }>`
      SELECT message_id FROM message_search
      WHERE message_search MATCH ${match} AND shop_id = ${shopId}
      ORDER BY rowid DESC LIMIT ${limit}`.execute(db);
    return rows.rows.map((r) => r.message_id);
  }
  const rows = await sql<{ message_id: string }>`
    SELECT s.message_id FROM message_search s JOIN messages m ON m.id = s.message_id
    WHERE to_tsvector('simple', s.search_text) @@ plainto_tsquery('simple', ${words.join(' ')})
      AND s.shop_id = ${shopId}
    ORDER BY m.created_at DESC LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => r.message_id);
}
