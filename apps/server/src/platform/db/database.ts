import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';
export type Queryable = Kysely<Database> | Transaction<Database>;

/** The storage handle every repository receives: one Kysely instance and which dialect is behind it. */
export interface Storage {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

/** Opens PostgreSQL when a URL is given, otherwise the embedded SQLite file under dataDir. */
export function openStorage(options: { databaseUrl?: string; dataDir: string; poolSize?: number }): Storage {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // A dropped idle connection must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = new SQLite(path.join(options.dataDir, 'golddesk.sqlite'));
  file.pragma('journal_mode = WAL');
  // FULL makes each commit durable on WAL; group commit keeps that affordable under load.
  file.pragma('synchronous = FULL');
  file.pragma('busy_timeout = 5000');
  file.pragma('foreign_keys = ON');
  file.pragma('cache_size = -65536');
  file.pragma('wal_autocheckpoint = 4000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every statement anew (~35 µs each); chat traffic repeats the same few statements,
 * so prepared statements are kept, least recently used dropped first. Safe because statements run
 * synchronously and are never streamed here.
 */
function withStatementCache(file: SQLite.Database, max = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => file.close(),
    prepare(given: string) {
      // Transactions take the write lock when they begin: a deferred one that read first and then writes after the
      // writer thread committed fails at once with "database is locked" (SQLite cannot upgrade a stale snapshot),
      // where an immediate one waits its turn (busy_timeout).
      const sql = given === 'begin' ? 'begin immediate' : given;
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = file.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement as unknown as ReturnType<SqliteDatabase['prepare']>;
    },
  };
}
