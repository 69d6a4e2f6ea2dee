import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  DEFAULT_SHOP_HOURS,
  type ErrorEnvelope,
  type InboundEventResult,
  type IntegrationSettings,
  type ListAuditResponse,
  type ListMessagesResponse,
  type PaymentReminderSettingsResponse,
  type ReminderStatsResponse,
  type ReminderTaskResponse,
  type ReminderTasksResponse,
} from '@golddesk/contracts';
import { z } from 'zod';
import { nextCallWindow } from '../src/modules/payment-reminders/index.js';
import { openStorage } from '../src/platform/db/database.js';
import { DatabaseJobQueue } from '../src/platform/jobs/database-job-queue.js';
import { defineJob } from '../src/platform/jobs/index.js';
import { signPayload } from '../src/platform/security/hmac-signature.js';
import { api, loginAgent, StreamClient } from './helpers/clients.js';
import { allOrders, conversationsOf } from './helpers/lookups.js';
import { addOtherShop } from './helpers/other-shop.js';
import { createTestDatabase, startTestServer, TEST_DB, TEST_REDIS_URL, type TestServer } from './helpers/test-server.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** 2026-11-11 00:00 China time (UTC+8). */
const DAY0 = Date.parse('2026-11-10T16:00:00.000Z');
/** An instant in China time: day offset from 2026-11-11 and "HH:mm". */
const china = (day: number, time: string) => {
  const [h, m] = time.split(':').map(Number);
  return DAY0 + day * DAY + (h! * 60 + m!) * MINUTE;
};

describe('call windows for follow-up tasks', () => {
  const at = (day: number, time: string) => new Date(china(day, time));
  it('puts a task into the lunch window (11:30–13:30) or after work (18:00–20:00), whichever comes first, never in quiet hours', () => {
    assert.equal(nextCallWindow(at(0, '09:00'), DEFAULT_SHOP_HOURS).dueAt.getTime(), china(0, '11:30'));
    assert.equal(nextCallWindow(at(0, '12:10'), DEFAULT_SHOP_HOURS).dueAt.getTime(), china(0, '12:10'), 'inside the window: now');
    assert.equal(nextCallWindow(at(0, '12:10'), DEFAULT_SHOP_HOURS).endAt.getTime(), china(0, '13:30'));
    assert.equal(nextCallWindow(at(0, '14:00'), DEFAULT_SHOP_HOURS).dueAt.getTime(), china(0, '18:00'));
    assert.equal(nextCallWindow(at(0, '21:00'), DEFAULT_SHOP_HOURS).dueAt.getTime(), china(1, '11:30'));
    assert.equal(nextCallWindow(at(0, '02:00'), DEFAULT_SHOP_HOURS).dueAt.getTime(), china(0, '11:30'));
    const quietLunch = { ...DEFAULT_SHOP_HOURS, quietHours: { start: '11:00', end: '14:00' } };
    assert.equal(
      nextCallWindow(at(0, '09:00'), quietLunch).dueAt.getTime(),
      china(0, '18:00'),
      'a window in the quiet hours is skipped',
    );
  });
});

describe(`the database job backend on ${TEST_DB}`, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { JOBS_TICK_SECONDS: '0', GOLDDESK_DEMO: '0' } });
  });
  after(() => server.close());

  it('runs each job once when three workers with their own connections race for the rows, and a key enqueued twice is one job', async () => {
    const runs = new Map<number, number>();
    const job = defineJob({
      id: 'test.count@1',
      payload: z.object({ n: z.number() }),
      async run(_app, { n }) {
        runs.set(n, (runs.get(n) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 3));
      },
    });
    const storages = [0, 1, 2].map(() =>
      openStorage({ databaseUrl: server.env.DATABASE_URL, dataDir: server.env.DATA_DIR ?? '' }),
    );
    const queues = storages.map((storage) => new DatabaseJobQueue({ ...server.app.context, storage }, new Map([[job.id, job]])));
    try {
      await Promise.all(
        queues.map(async (queue) => {
          for (let n = 0; n < 30; n++) await queue.enqueue(job, { n }, { key: `count:${n}` });
        }),
      );
      // why: the job queue's table is the thing under test (one row per key); it has no API.
      assert.equal((await server.app.context.storage.db.selectFrom('jobs').select('id').execute()).length, 30);
      await Promise.all(queues.map((queue) => queue.settle()));
      assert.equal(runs.size, 30);
      assert.ok(
        [...runs.values()].every((count) => count === 1),
        JSON.stringify([...runs]),
      );
      assert.equal(
        (await server.app.context.storage.db.selectFrom('jobs').select('id').execute()).length,
        0,
        'done jobs free their key',
      );
    } finally {
      for (const queue of queues) await queue.close();
      for (const storage of storages) await storage.close();
    }
  });
});

describe(`payment reminders (催付) with a controllable clock on ${TEST_DB}${TEST_REDIS_URL && TEST_DB === 'postgres' ? ' + Redis (BullMQ)' : ''}`, () => {
  let server: TestServer;
  let clock = china(0, '09:00');
  let owner: { token: string };
  let secret: string;
  let lunchTaskOrderId = '';
  const db = () => server.app.context.storage.db;
  const setClock = (ms: number) => (clock = ms);
  /** One scheduler tick in this process plus every job it enqueued, run to the end. */
  const tick = async (ms?: number) => {
    if (ms !== undefined) setClock(ms);
    await server.app.jobs.runDue();
  };

  before(async () => {
    server = await startTestServer({ now: () => new Date(clock), env: { JOBS_TICK_SECONDS: '0' } });
    owner = await loginAgent(server.url, 'owner');
    secret = (await api<IntegrationSettings>(server.url, 'GET', '/api/v1/integration', { token: owner.token })).body
      .inboundSecret;
  });
  after(() => server.close());

  async function push(type: string, data: object) {
    const body = JSON.stringify({ id: randomUUID(), type, occurredAt: new Date(clock).toISOString(), data });
    const response = await api<InboundEventResult>(server.url, 'POST', '/api/v1/integrations/demo/events', {
      raw: body,
      headers: {
        'content-type': 'application/json',
        'x-golddesk-signature': signPayload(secret, body, Math.floor(clock / 1000)),
      },
    });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body;
  }
  /** An order placed now (by the app clock) through the store integration; returns its id, number and buyer. */
  async function placeOrder(totalFen = 25_900, nick = '小雨') {
    const orderNo = `PR${randomUUID().slice(0, 8)}`;
    await push('order.upserted', {
      orderNo,
      buyer: { externalId: `cust-${orderNo}`, nick, phone: '13900001111' },
      totalFen,
      items: [{ title: '法式复古碎花连衣裙', skuProps: { 颜色: '蓝色碎花', 尺码: 'M' }, priceFen: totalFen, quantity: 1 }],
      receiver: { name: '李女士', phone: '13900001111', province: '浙江省', address: '杭州市西湖区文三路 88 号' },
      placedAt: new Date(clock).toISOString(),
    });
    const { buyer, order } = (await allOrders(server.url, owner.token, `q=${encodeURIComponent(nick)}`)).find(
      (found) => found.order.orderNo === orderNo,
    )!;
    return { id: order.id, orderNo, buyerId: buyer.id };
  }
  /** The reminders the buyer can read in the chat (as an agent sees the conversation). */
  async function remindersInChat(buyerId: string) {
    const conversation = (await conversationsOf(server.url, owner.token)).find((c) => c.buyer.id === buyerId);
    if (!conversation) return [];
    const { body } = await api<ListMessagesResponse>(
      server.url,
      'GET',
      `/api/v1/conversations/${conversation.id}/messages?afterSeq=0`,
      {
        token: owner.token,
      },
    );
    return body.messages.filter((m) => m.sender === 'bot');
  }
  // why: when each reminder of the order went out is the schedule under test; no API lists them per order.
  const reminderRows = async (orderId: string) =>
    (
      await db()
        .selectFrom('payment_reminders')
        .select(['seq', 'sent_at'])
        .where('order_id', '=', orderId)
        .orderBy('seq')
        .execute()
    ).map((r) => ({ seq: Number(r.seq), sentAt: r.sent_at }));
  const stats = async (from: string, to = from, token = owner.token) =>
    (await api<ReminderStatsResponse>(server.url, 'GET', `/api/v1/reminders/stats?from=${from}&to=${to}`, { token })).body;

  it('reminds an order placed at 10:00 exactly once at 10:10 — nothing at 10:09, one at 10:10, still one at 10:11', async () => {
    setClock(china(0, '10:00'));
    const order = await placeOrder(25_900, '小雨');
    const agentStream = await StreamClient.connect(server.url, owner.token);
    await tick(china(0, '10:09'));
    assert.deepEqual(await reminderRows(order.id), []);
    assert.equal((await remindersInChat(order.buyerId)).length, 0);

    await tick(china(0, '10:10'));
    await tick();
    const chat = await remindersInChat(order.buyerId);
    assert.equal(chat.length, 1);
    assert.match(chat[0]!.body, /小雨/);
    assert.match(chat[0]!.body, new RegExp(order.orderNo));
    assert.match(chat[0]!.body, /¥259\.00/);
    assert.match(chat[0]!.body, /法式复古碎花连衣裙/);
    assert.equal(chat[0]!.order?.orderNo, order.orderNo, 'the order card comes with the reminder');
    const live = await agentStream.nextOfType(
      'message.created',
      (f) => f.message.sender === 'bot' && f.message.body.includes(order.orderNo),
    );
    assert.equal(live.message.sender, 'bot');
    await agentStream.close();

    await tick(china(0, '10:11'));
    await tick();
    assert.equal((await remindersInChat(order.buyerId)).length, 1);
    assert.deepEqual(await reminderRows(order.id), [{ seq: 1, sentAt: new Date(china(0, '10:10')).toISOString() }]);
  });

  it('sends the 2nd reminder 60 minutes after the first and never a 3rd (K = 2); an important order then becomes a lunch-time task', async () => {
    setClock(china(1, '10:00'));
    const order = await placeOrder(25_900);
    await tick(china(1, '10:10'));
    await tick(china(1, '11:09'));
    assert.equal((await reminderRows(order.id)).length, 1);
    await tick(china(1, '11:10'));
    assert.deepEqual(
      (await reminderRows(order.id)).map((r) => r.seq),
      [1, 2],
    );
    for (const time of ['11:40', '12:10', '15:00', '20:00']) await tick(china(1, time));
    await tick(china(2, '09:00'));
    assert.equal((await reminderRows(order.id)).length, 2, 'the cap holds');
    assert.equal((await remindersInChat(order.buyerId)).length, 2);

    const support = await loginAgent(server.url, 'support1');
    const { tasks } = (
      await api<z.infer<typeof ReminderTasksResponse>>(server.url, 'GET', '/api/v1/reminder-tasks?status=open', {
        token: support.token,
      })
    ).body;
    const task = tasks.find((t: { orderId: string }) => t.orderId === order.id);
    assert.ok(task, 'a follow-up task for the ¥259 order');
    lunchTaskOrderId = order.id;
    assert.equal(task.dueAt, new Date(china(1, '11:40')).toISOString(), '30 min after the last reminder, inside 11:30–13:30');
    assert.equal(task.windowEndAt, new Date(china(1, '13:30')).toISOString());
    assert.equal(task.remindersSent, 2);
    assert.match(task.reason, /¥259\.00/);
  });

  it('does not remind a paid or closed order; a payment at 10:20 counts as a reminder success in the figures', async () => {
    setClock(china(3, '10:00'));
    const paidLater = await placeOrder(19_900);
    const paidEarly = await placeOrder(9_900);
    const closed = await placeOrder(9_900);
    const before = await stats('2026-11-14');
    setClock(china(3, '10:05'));
    await push('order.paid', { orderNo: paidEarly.orderNo, paidAt: new Date(clock).toISOString() });
    await push('order.closed', { orderNo: closed.orderNo, reason: '买家不想要了', closedAt: new Date(clock).toISOString() });
    await tick(china(3, '10:10'));
    assert.equal((await reminderRows(paidLater.id)).length, 1);
    assert.equal((await reminderRows(paidEarly.id)).length, 0);
    assert.equal((await reminderRows(closed.id)).length, 0);
    assert.equal((await remindersInChat(closed.buyerId)).length, 0);

    setClock(china(3, '10:20'));
    await push('order.paid', { orderNo: paidLater.orderNo, paidAt: new Date(clock).toISOString() });
    await tick(china(3, '11:10'));
    assert.equal((await reminderRows(paidLater.id)).length, 1, 'paid: no 2nd reminder');

    const after = await stats('2026-11-14');
    assert.equal(after.days.length, 1);
    assert.equal(after.days[0]!.date, '2026-11-14');
    assert.equal(after.days[0]!.reminded - before.days[0]!.reminded, 1);
    assert.equal(after.days[0]!.paid - before.days[0]!.paid, 1);
    assert.equal(after.days[0]!.recoveredFen - before.days[0]!.recoveredFen, 19_900);
    assert.ok(after.days[0]!.successRate > 0 && after.days[0]!.successRate <= 1);
    assert.equal(after.totals.paid, after.days[0]!.paid);
  });

  it('an order placed at 22:55 is not reminded in the quiet hours: nothing until 07:59, one at 08:00', async () => {
    setClock(china(4, '22:55'));
    const order = await placeOrder(9_900);
    for (const [day, time] of [
      [4, '23:05'],
      [4, '23:59'],
      [5, '03:00'],
      [5, '07:59'],
    ] as const) {
      await tick(china(day, time));
      assert.equal((await reminderRows(order.id)).length, 0, `nothing at ${time}`);
    }
    await tick(china(5, '08:00'));
    assert.deepEqual(await reminderRows(order.id), [{ seq: 1, sentAt: new Date(china(5, '08:00')).toISOString() }]);
    assert.equal((await remindersInChat(order.buyerId)).length, 1);
  });

  it('schedules follow-ups after work or the next lunch; small orders and blacklisted buyers get none', async () => {
    setClock(china(6, '14:00'));
    const afternoon = await placeOrder(25_900);
    const small = await placeOrder(5_000);
    setClock(china(6, '14:01'));
    const blocked = await placeOrder(30_000);
    assert.equal(
      (
        await api(server.url, 'POST', `/api/v1/customers/${blocked.buyerId}/block`, {
          token: owner.token,
          body: { reason: '恶意拍单' },
        })
      ).status,
      200,
    );
    for (const time of ['14:11', '15:11', '15:41']) await tick(china(6, time));
    const open = (
      await api<z.infer<typeof ReminderTasksResponse>>(server.url, 'GET', '/api/v1/reminder-tasks?status=open', {
        token: owner.token,
      })
    ).body.tasks;
    const byOrder = (id: string) => open.find((t: { orderId: string }) => t.orderId === id);
    assert.equal(byOrder(afternoon.id)?.dueAt, new Date(china(6, '18:00')).toISOString());
    assert.equal(byOrder(small.id), undefined);
    assert.equal(byOrder(blocked.id), undefined);
    assert.equal((await reminderRows(blocked.id)).length, 0, 'a blacklisted buyer is not reminded');
    assert.equal((await reminderRows(small.id)).length, 2);

    setClock(china(6, '19:30'));
    const evening = await placeOrder(25_900);
    for (const time of ['19:40', '20:40', '21:10']) await tick(china(6, time));
    const later = (
      await api<z.infer<typeof ReminderTasksResponse>>(server.url, 'GET', '/api/v1/reminder-tasks?status=open', {
        token: owner.token,
      })
    ).body.tasks;
    assert.equal(
      later.find((t: { orderId: string }) => t.orderId === evening.id)?.dueAt,
      new Date(china(7, '11:30')).toISOString(),
    );
  });

  it('lets support take a task and record the outcome once, audited; roles and shops are respected', async () => {
    const support = await loginAgent(server.url, 'support1');
    const aftersale = await loginAgent(server.url, 'aftersale1');
    const presale = await loginAgent(server.url, 'presale1');
    const { tasks } = (
      await api<z.infer<typeof ReminderTasksResponse>>(server.url, 'GET', '/api/v1/reminder-tasks?status=open', {
        token: support.token,
      })
    ).body;
    assert.ok(tasks.length >= 3, "the demo shop's open tasks and those the scheduler created above");
    // One the scheduler created in the tests above (its creation is audited too).
    const task = tasks.find((t: { orderId: string }) => t.orderId === lunchTaskOrderId);
    assert.ok(task);
    assert.equal((await api(server.url, 'GET', '/api/v1/reminder-tasks', { token: aftersale.token })).status, 403);
    assert.equal(
      (await api(server.url, 'POST', `/api/v1/reminder-tasks/${task.id}/assign`, { token: aftersale.token })).status,
      403,
    );

    const assigned = await api<z.infer<typeof ReminderTaskResponse>>(
      server.url,
      'POST',
      `/api/v1/reminder-tasks/${task.id}/assign`,
      { token: support.token },
    );
    assert.equal(assigned.status, 200);
    assert.equal(assigned.body.task.assignee?.name, support.agent.name);
    const mine = (
      await api<z.infer<typeof ReminderTasksResponse>>(server.url, 'GET', '/api/v1/reminder-tasks?status=open&mine=1', {
        token: support.token,
      })
    ).body.tasks;
    assert.deepEqual(
      mine.map((t: { id: string }) => t.id),
      [task.id],
    );
    const bad = await api(server.url, 'POST', `/api/v1/reminder-tasks/${task.id}/outcome`, {
      token: support.token,
      body: { outcome: 'maybe' },
    });
    assert.equal(bad.status, 400);
    const done = await api<z.infer<typeof ReminderTaskResponse>>(
      server.url,
      'POST',
      `/api/v1/reminder-tasks/${task.id}/outcome`,
      {
        token: support.token,
        body: { outcome: 'will_pay', note: '买家说晚上发工资后付款' },
      },
    );
    assert.equal(done.status, 200);
    assert.equal(done.body.task.status, 'done');
    assert.equal(done.body.task.outcome, 'will_pay');
    assert.equal(done.body.task.doneBy, support.agent.name);
    const again = await api<ErrorEnvelope>(server.url, 'POST', `/api/v1/reminder-tasks/${task.id}/outcome`, {
      token: presale.token,
      body: { outcome: 'no_answer' },
      headers: { 'accept-language': 'zh-CN' },
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.message, '该催付任务已处理');
    const { entries } = (
      await api<z.infer<typeof ListAuditResponse>>(
        server.url,
        'GET',
        `/api/v1/audit?targetType=reminder_task&targetId=${task.id}`,
        { token: owner.token },
      )
    ).body;
    assert.deepEqual(entries.map((e: { action: string }) => e.action).sort(), [
      'reminder_task.assigned',
      'reminder_task.created',
      'reminder_task.outcome',
    ]);
    assert.ok(
      (
        await api<z.infer<typeof ReminderTasksResponse>>(server.url, 'GET', '/api/v1/reminder-tasks?status=done', {
          token: support.token,
        })
      ).body.tasks.some((t: { id: string }) => t.id === task.id),
    );

    // Settings: owner and managers only, checked.
    const settings = (
      await api<z.infer<typeof PaymentReminderSettingsResponse>>(server.url, 'GET', '/api/v1/reminders/settings', {
        token: presale.token,
      })
    ).body.settings;
    assert.equal(settings.firstAfterMinutes, 10);
    assert.equal(settings.maxReminders, 2);
    assert.equal(
      (await api(server.url, 'PUT', '/api/v1/reminders/settings', { token: presale.token, body: settings })).status,
      403,
    );
    assert.equal(
      (await api(server.url, 'PUT', '/api/v1/reminders/settings', { token: owner.token, body: { ...settings, maxReminders: 9 } }))
        .status,
      400,
    );

    // Another shop sees none of it and cannot touch it.
    const other = await addOtherShop(server, `other${randomUUID().slice(0, 6)}`);
    assert.deepEqual(
      (
        await api<z.infer<typeof ReminderTasksResponse>>(server.url, 'GET', '/api/v1/reminder-tasks?status=all', {
          token: other.owner.token,
        })
      ).body.tasks,
      [],
    );
    assert.equal(
      (await api(server.url, 'POST', `/api/v1/reminder-tasks/${tasks[1]?.id ?? task.id}/assign`, { token: other.owner.token }))
        .status,
      404,
    );
    assert.equal((await stats('2026-11-14', '2026-11-14', other.owner.token)).totals.reminded, 0);
  });

  it("follows the shop's settings: a later first reminder, a template with an incentive line, or none at all when off", async () => {
    const settings = (
      await api<z.infer<typeof PaymentReminderSettingsResponse>>(server.url, 'GET', '/api/v1/reminders/settings', {
        token: owner.token,
      })
    ).body.settings;
    const saved = await api(server.url, 'PUT', '/api/v1/reminders/settings', {
      token: owner.token,
      body: {
        ...settings,
        firstAfterMinutes: 20,
        template: '{买家昵称}，订单 {订单号} 待付款 {付款金额}',
        incentive: '今天付款送 5 元无门槛券',
      },
    });
    assert.equal(saved.status, 200);
    setClock(china(8, '10:00'));
    const order = await placeOrder(12_300, '阿紫');
    await tick(china(8, '10:10'));
    assert.equal((await reminderRows(order.id)).length, 0);
    await tick(china(8, '10:20'));
    const [message] = await remindersInChat(order.buyerId);
    assert.equal(message?.body, `阿紫，订单 ${order.orderNo} 待付款 ¥123.00\n今天付款送 5 元无门槛券`);

    await api(server.url, 'PUT', '/api/v1/reminders/settings', { token: owner.token, body: { ...settings, enabled: false } });
    setClock(china(9, '10:00'));
    const off = await placeOrder();
    await tick(china(9, '10:30'));
    assert.equal((await reminderRows(off.id)).length, 0);
    await api(server.url, 'PUT', '/api/v1/reminders/settings', { token: owner.token, body: settings });
  });
});

describe(`payment reminders survive a restart on ${TEST_DB}`, () => {
  it('a reminder enqueued before a restart is sent once after it, by the new process', async () => {
    const database = await createTestDatabase();
    let clock = china(0, '10:00');
    const now = () => new Date(clock);
    const env = { JOBS_TICK_SECONDS: '0' };
    let server = await startTestServer({ database, now, env });
    try {
      const owner = await loginAgent(server.url, 'owner');
      const secret = (await api<IntegrationSettings>(server.url, 'GET', '/api/v1/integration', { token: owner.token })).body
        .inboundSecret;
      const orderNo = `RS${randomUUID().slice(0, 8)}`;
      const body = JSON.stringify({
        id: randomUUID(),
        type: 'order.upserted',
        occurredAt: new Date(clock).toISOString(),
        data: {
          orderNo,
          buyer: { externalId: `cust-${orderNo}`, nick: '重启买家' },
          totalFen: 9_900,
          items: [{ title: '棉麻衬衫', skuProps: {}, priceFen: 9_900, quantity: 1 }],
          receiver: { name: '赵先生', phone: '13900003333', address: '上海市徐汇区漕溪北路 1 号' },
          placedAt: new Date(clock).toISOString(),
        },
      });
      const pushed = await api(server.url, 'POST', '/api/v1/integrations/demo/events', {
        raw: body,
        headers: {
          'content-type': 'application/json',
          'x-golddesk-signature': signPayload(secret, body, Math.floor(clock / 1000)),
        },
      });
      assert.equal(pushed.status, 200);
      clock = china(0, '10:10');
      // The schedule enqueues the reminder; the process stops before any worker ran it.
      assert.ok((await server.app.jobs.tick()) >= 1);
      await server.stop();

      server = await startTestServer({ database, now, env });
      // why: the reminder's own record shows it was sent once, by the job that survived the restart.
      const db = server.app.context.storage.db;
      const restartedOwner = await loginAgent(server.url, 'owner');
      const order = (await allOrders(server.url, restartedOwner.token, `q=${encodeURIComponent('重启买家')}`)).find(
        (found) => found.order.orderNo === orderNo,
      )!.order;
      assert.equal((await db.selectFrom('payment_reminders').select('id').where('order_id', '=', order.id).execute()).length, 0);
      // Only the worker, no new tick: the job itself survived the restart (in the jobs table, or in Redis).
      await server.app.jobs.queue.settle();
      assert.equal((await db.selectFrom('payment_reminders').select('id').where('order_id', '=', order.id).execute()).length, 1);
      await server.app.jobs.runDue();
      await server.app.jobs.runDue();
      assert.equal((await db.selectFrom('payment_reminders').select('id').where('order_id', '=', order.id).execute()).length, 1);
    } finally {
      await server.stop();
      await database.drop();
    }
  });
});
