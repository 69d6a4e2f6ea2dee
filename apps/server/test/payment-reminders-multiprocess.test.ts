import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import type { IntegrationSettings, ShopHoursResponse } from '@golddesk/contracts';
import pg from 'pg';
import type { z } from 'zod';
import { signPayload } from '../src/platform/security/hmac-signature.js';
import { api, loginAgent } from './helpers/clients.js';
import { startServerProcess, type ServerProcess } from './helpers/server-process.js';
import {
  createTestDatabase,
  DEMO_PASSWORD,
  startTestServer,
  TEST_DB,
  TEST_REDIS_URL,
  type TestServer,
} from './helpers/test-server.js';

const skip =
  TEST_DB !== 'postgres' || !TEST_REDIS_URL
    ? 'needs PostgreSQL + Redis: run with GOLDDESK_TEST_DB=postgres and GOLDDESK_TEST_REDIS_URL set'
    : false;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** 2026-11-11 in China time (UTC+8). */
const china = (time: string) => Date.parse(`2026-11-11T${time}:00.000+08:00`);

async function pushOrder(base: string, secret: string, at: number, placedAt: number) {
  const orderNo = `MP${randomUUID().slice(0, 8)}`;
  const body = JSON.stringify({
    id: randomUUID(),
    type: 'order.upserted',
    occurredAt: new Date(at).toISOString(),
    data: {
      orderNo,
      buyer: { externalId: `cust-${orderNo}`, nick: '多进程买家', phone: '13900002222' },
      totalFen: 15_900,
      items: [{ title: '真丝睡衣套装', skuProps: { 尺码: 'L' }, priceFen: 15_900, quantity: 1 }],
      receiver: { name: '王女士', phone: '13900002222', province: '江苏省', address: '南京市鼓楼区中山路 1 号' },
      placedAt: new Date(placedAt).toISOString(),
    },
  });
  const response = await api(base, 'POST', '/api/v1/integrations/demo/events', {
    raw: body,
    headers: { 'content-type': 'application/json', 'x-golddesk-signature': signPayload(secret, body, Math.floor(at / 1000)) },
  });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return orderNo;
}

/** What the buyer sees and what was recorded, read straight from the shared database. */
async function countReminders(
  query: (text: string, values: unknown[]) => Promise<{ rows: { reminders: unknown; messages: unknown }[] }>,
  orderNo: string,
) {
  const rows = (
    await query(
      `SELECT (SELECT count(*) FROM payment_reminders r WHERE r.order_id = o.id) AS reminders,
            (SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id
              WHERE c.buyer_id = o.buyer_id AND m.sender = 'bot') AS messages
       FROM orders o WHERE o.order_no = $1`,
      [orderNo],
    )
  ).rows[0]!;
  return { reminders: Number(rows.reminders), messages: Number(rows.messages) };
}

describe('payment reminders with three server instances on one PostgreSQL + Redis (BullMQ)', { skip }, () => {
  const servers: TestServer[] = [];
  let drop: () => Promise<void> = async () => undefined;
  after(async () => {
    for (const s of servers) await s.stop();
    await drop();
  });

  it('an order placed at 10:00 gets exactly one reminder at 10:10 while three apps all run the scheduler and the worker', async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    let clock = china('10:00');
    const now = () => new Date(clock);
    // Each instance: its own pool, Redis connections, BullMQ queue and worker, ticking every 100 ms.
    for (let i = 0; i < 3; i++) servers.push(await startTestServer({ database, now, env: { JOBS_TICK_SECONDS: '0.1' } }));
    assert.deepEqual(new Set(servers.map((s) => s.app.jobs.queue.backend)), new Set(['redis']));
    const owner = await loginAgent(servers[0]!.url, 'owner');
    const secret = (await api<IntegrationSettings>(servers[0]!.url, 'GET', '/api/v1/integration', { token: owner.token })).body
      .inboundSecret;
    const orderNo = await pushOrder(servers[1]!.url, secret, clock, clock);
    const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
    await client.connect();
    const query = (text: string, values: unknown[]) => client.query(text, values);

    clock = china('10:09');
    await sleep(1000);
    assert.deepEqual(await countReminders(query, orderNo), { reminders: 0, messages: 0 });

    clock = china('10:10');
    for (let i = 0; i < 100 && (await countReminders(query, orderNo)).reminders === 0; i++) await sleep(100);
    // Many more ticks on every instance, at 10:10 and 10:11.
    await sleep(1500);
    clock = china('10:11');
    await sleep(1500);
    assert.deepEqual(await countReminders(query, orderNo), { reminders: 1, messages: 1 });
    await client.end();
  });
});

describe(
  'payment reminders with three real server processes (node apps/server/src/main.ts) on PostgreSQL + Redis',
  { skip },
  () => {
    const running: ServerProcess[] = [];
    let drop: () => Promise<void> = async () => undefined;
    let client: pg.Client | undefined;
    after(async () => {
      for (const p of running) if (p.child.exitCode === null) await p.terminate();
      await client?.end();
      await drop();
    });

    it('an order unpaid for 10 minutes gets exactly one reminder, whichever process finds it', async () => {
      const database = await createTestDatabase();
      drop = database.drop;
      const env = { ...database.env, GOLDDESK_DEMO_PASSWORD: DEMO_PASSWORD, JOBS_TICK_SECONDS: '0.2' };
      // Real processes use the real clock: the order is placed 10 minutes ago, and the quiet hours are
      // switched off so the test does not depend on the time of day.
      running.push(...(await Promise.all([startServerProcess(env), startServerProcess(env), startServerProcess(env)])));
      const [a, b, c] = running as [ServerProcess, ServerProcess, ServerProcess];
      const owner = await loginAgent(a.url, 'owner');
      const hours = (await api<z.infer<typeof ShopHoursResponse>>(a.url, 'GET', '/api/v1/shop-hours', { token: owner.token }))
        .body.hours;
      const saved = await api(b.url, 'PUT', '/api/v1/shop-hours', {
        token: owner.token,
        body: { ...hours, quietHours: { start: '00:00', end: '00:00' } },
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      const secret = (await api<IntegrationSettings>(c.url, 'GET', '/api/v1/integration', { token: owner.token })).body
        .inboundSecret;
      const orderNo = await pushOrder(c.url, secret, Date.now(), Date.now() - 10 * 60_000 - 1000);

      client = new pg.Client({ connectionString: database.env.DATABASE_URL });
      await client.connect();
      const query = (text: string, values: unknown[]) => client!.query(text, values);
      for (let i = 0; i < 150 && (await countReminders(query, orderNo)).reminders === 0; i++) await sleep(100);
      await sleep(2000);
      assert.deepEqual(await countReminders(query, orderNo), { reminders: 1, messages: 1 });
      const { rows } = await client.query(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'payment_reminder.sent' AND target_id = (SELECT id FROM orders WHERE order_no = $1)`,
        [orderNo],
      );
      assert.equal(Number(rows[0].n), 1);
    });
  },
);
