// `npm test`: the server suite on embedded SQLite, again on PostgreSQL + Redis (each test creates and
// drops its own database), then the browser tests (building the front ends first if needed). Ends with one
// "N passed, N failed" line.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const testFiles = (dir) =>
  fs.existsSync(path.join(root, dir))
    ? fs
        .readdirSync(path.join(root, dir))
        .filter((f) => f.endsWith('.test.ts'))
        .sort()
        .map((f) => path.join(dir, f))
    : [];

const pgUrl = process.env.GOLDDESK_TEST_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
const redisUrl = process.env.GOLDDESK_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const suites = [
  { name: 'server · SQLite', files: testFiles('apps/server/test'), env: { GOLDDESK_TEST_DB: 'sqlite' } },
  {
    name: 'server · PostgreSQL + Redis',
    files: testFiles('apps/server/test'),
    env: { GOLDDESK_TEST_DB: 'postgres', GOLDDESK_TEST_PG_URL: pgUrl, GOLDDESK_TEST_REDIS_URL: redisUrl },
  },
  { name: 'browser', files: testFiles('e2e'), env: {} },
].filter((s) => s.files.length && (!only || s.name.toLowerCase().includes(only.toLowerCase())));

function run(suite) {
  return new Promise((resolve) => {
    console.log(`\n=== ${suite.name} (${suite.files.length} files) ===`);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...suite.files],
      {
        cwd: root,
        env: { ...process.env, ...suite.env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => {
      const count = (label) => Number(output.match(new RegExp(`ℹ ${label} (\\d+)`))?.[1] ?? 0);
      resolve({ code, passed: count('pass'), failed: count('fail') + (code !== 0 && count('fail') === 0 ? 1 : 0) });
    });
  });
}

// The browser tests serve the built workbench, widget and demo shop: build whatever is missing or older than
// its sources (as `npm start` does), so `npm install && npm test` works on a fresh clone.
if (suites.some((suite) => suite.name === 'browser')) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-needed'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.log('\ntests: 0 passed, 1 failed (the build failed)');
    process.exit(1);
  }
}

let passed = 0;
let failed = 0;
for (const suite of suites) {
  const result = await run(suite);
  passed += result.passed;
  failed += result.failed;
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
