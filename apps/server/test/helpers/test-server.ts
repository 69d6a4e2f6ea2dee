import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp, type GoldDesk } from '../../src/app.js';
import { parseConfig } from '../../src/platform/config/config.js';

/** Which storage the suite runs on: `npm test` runs it once per value. */
export const TEST_DB = process.env.GOLDDESK_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const TEST_PG_ADMIN_URL = process.env.GOLDDESK_TEST_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.GOLDDESK_TEST_REDIS_URL;
export const DEMO_PASSWORD = 'demo-password-123';

/** A fresh, empty database of the suite's kind: a temp folder, or a new PostgreSQL database dropped at the end. */
export async function createTestDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (TEST_DB === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golddesk-test-'));
    return { env: { DATA_DIR: dir }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `golddesk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), ...(TEST_REDIS_URL ? { REDIS_URL: TEST_REDIS_URL } : {}) },
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Every test buyer comes from 127.0.0.1 and suites send in bursts, so the buyer limits are out of the way unless
 * a suite is about them: it passes the variable ('' restores the default).
 */
export const UNTHROTTLED: Record<string, string> = {
  BUYER_MESSAGES_PER_MINUTE: '100000',
  ADDRESS_MESSAGES_PER_MINUTE: '100000',
  BUYER_UPLOADS_PER_HOUR: '100000',
  ADDRESS_UPLOADS_PER_HOUR: '100000',
  BUYER_STREAM_FRAMES_PER_10S: '100000',
  PUBLIC_READS_PER_MINUTE: '100000',
};

export interface TestServer {
  url: string;
  app: GoldDesk;
  env: Record<string, string>;
  /** Stops the server and keeps the database (to restart on it). */
  stop(): Promise<void>;
  /** Stops the server and drops the database. */
  close(): Promise<void>;
}

/** Starts a server on a free port with the demo shop, on a new database unless one is given. */
export async function startTestServer(
  options: {
    env?: Record<string, string>;
    database?: { env: Record<string, string>; drop(): Promise<void> };
    now?: () => Date;
    /**
     * Keep the demo shop's welcome auto-reply on (as a fresh demo has it). Off by default: most suites count the
     * messages of new conversations and are not about automation.
     */
    demoWelcome?: boolean;
    /**
     * Keep automatic assignment (分流) on, as a real shop has it. Off by default (抢单: buyers wait in 待接待 until an
     * agent takes them): most suites are about taking and serving buyers by hand and were written before routing.
     */
    routing?: boolean;
  } = {},
): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase());
  const env = {
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    GOLDDESK_DEMO_PASSWORD: DEMO_PASSWORD,
    ...UNTHROTTLED,
    // Tokens expire by the app clock: a scenario that moves it across days keeps its agents signed in (30 days)
    // unless the test sets a lifetime itself.
    ...(options.now ? { AGENT_TOKEN_TTL_HOURS: '720' } : {}),
    ...database.env,
    ...options.env,
  };
  const app = await buildApp(parseConfig(env), { now: options.now });
  if (!options.demoWelcome) {
    // why: switched off before the server listens, so not even the first buyer of a suite is greeted.
    await app.context.storage.db.updateTable('auto_reply_rules').set({ enabled: 0 }).where('kind', '=', 'welcome').execute();
  }
  if (!options.routing) await switchAutoAssignOff(app);
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  const address = app.http.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    env,
    stop,
    close: async () => {
      await stop();
      await database.drop();
    },
  };
}

/** 抢单 mode for every shop of the database (the demo shop): nobody is assigned automatically. */
async function switchAutoAssignOff(app: GoldDesk) {
  const db = app.context.storage.db;
  for (const shop of await db.selectFrom('shops').select(['id', 'settings']).execute()) {
    const settings = shop.settings ? (JSON.parse(shop.settings) as Record<string, unknown>) : {};
    const routing = { ...((settings.routing as object | undefined) ?? {}), autoAssign: false };
    await db
      .updateTable('shops')
      .set({ settings: JSON.stringify({ ...settings, routing }) })
      .where('id', '=', shop.id)
      .execute();
  }
}
