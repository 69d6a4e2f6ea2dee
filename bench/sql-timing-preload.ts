/**
 * Diagnostic preload for the GoldDesk server (SQLite only): times every better-sqlite3 prepare and
 * statement execution by SQL shape and prints the table to stderr when the process exits.
 *
 *   BENCH_SERVER_NODE_ARGS="--import ./bench/sql-timing-preload.ts" npm run bench -- --scenario A --no-raw --no-docs
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');
const stats = new Map<string, { count: number; ms: number }>();
const shape = (sql: string) =>
  sql
    .replace(/\s+/g, ' ')
    .replace(/(\?, )+\?/g, '?…')
    .replace(/(\(\?…\), )+\(\?…\)/g, '(…)…')
    .slice(0, 110);
const add = (key: string, ms: number) => {
  let s = stats.get(key);
  if (!s) stats.set(key, (s = { count: 0, ms: 0 }));
  s.count++;
  s.ms += ms;
};

const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (this: unknown, sql: string, ...rest: unknown[]) {
  const t0 = performance.now();
  const statement = prepare.call(this, sql, ...rest);
  const key = shape(sql);
  add(`prepare  ${key}`, performance.now() - t0);
  for (const method of ['run', 'all', 'get', 'iterate'] as const) {
    const original = statement[method];
    statement[method] = function (...args: unknown[]) {
      const t = performance.now();
      try {
        return original.apply(statement, args);
      } finally {
        add(`${method.padEnd(7)}  ${key}`, performance.now() - t);
      }
    };
  }
  return statement;
};

process.on('exit', () => {
  const rows = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25);
  const total = [...stats.values()].reduce((s, v) => s + v.ms, 0);
  process.stderr.write(`\nSQL time by statement (total ${(total / 1000).toFixed(2)} s):\n`);
  for (const [key, s] of rows) {
    process.stderr.write(
      `${s.ms.toFixed(0).padStart(8)} ms ${String(s.count).padStart(8)}× ${((s.ms / s.count) * 1000).toFixed(0).padStart(6)} µs  ${key}\n`,
    );
  }
});
