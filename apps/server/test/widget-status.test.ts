// The widget's service status (issue 9, item 5): 在线 only inside the shop's hours with an agent online, else
// 休息中 / 暂无客服在线 with the next opening; served on GET /api/v1/shops/:slug and pushed to open widgets.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SHOP_HOURS, nextOpeningOf, type ServiceStatus, type ShopHours } from '@golddesk/contracts';
import { Redis } from 'ioredis';
import { type AgentPresence, MemoryAgentPresence, RedisAgentPresence } from '../src/platform/realtime/agent-presence.js';
import { api, loginAgent, startBuyer, StreamClient, until } from './helpers/clients.js';
import { createTestDatabase, startTestServer, TEST_REDIS_URL, type TestServer } from './helpers/test-server.js';

/** China time (UTC+8) → epoch ms. */
const china = (local: string) => Date.parse(`${local}+08:00`);
const iso = (local: string) => new Date(china(local)).toISOString();
const everyDay = (open: string, close: string): ShopHours['weekly'] =>
  DEFAULT_SHOP_HOURS.weekly.map(() => ({ closed: false, open, close }));

describe('next opening of the shop hours (China time)', () => {
  it('is later today, tomorrow, after a holiday, or at midnight when a late window continues', () => {
    const hours: ShopHours = { ...DEFAULT_SHOP_HOURS, weekly: everyDay('09:00', '18:00') };
    // 2026-11-06 is a Friday.
    assert.equal(nextOpeningOf(hours, new Date(china('2026-11-06T03:00:00')))?.toISOString(), iso('2026-11-06T09:00:00'));
    assert.equal(nextOpeningOf(hours, new Date(china('2026-11-06T19:00:00')))?.toISOString(), iso('2026-11-07T09:00:00'));
    const withHoliday = { ...hours, holidays: [{ date: '2026-11-07' }, { date: '2026-11-08' }] };
    assert.equal(nextOpeningOf(withHoliday, new Date(china('2026-11-06T19:00:00')))?.toISOString(), iso('2026-11-09T09:00:00'));
    const weekendClosed: ShopHours = {
      ...hours,
      sameEveryDay: false,
      weekly: hours.weekly.map((day, index) => (index >= 5 ? { ...day, closed: true } : day)),
    };
    assert.equal(nextOpeningOf(weekendClosed, new Date(china('2026-11-06T19:00:00')))?.toISOString(), iso('2026-11-09T09:00:00'));
    // 20:00–02:00 windows, the 7th a holiday: its own window is off, but the 8th's runs from 20:00 again.
    const late = { ...DEFAULT_SHOP_HOURS, weekly: everyDay('20:00', '02:00'), holidays: [{ date: '2026-11-07' }] };
    assert.equal(
      nextOpeningOf(late, new Date(china('2026-11-07T12:00:00')))?.toISOString(),
      iso('2026-11-08T00:00:00'),
      "the 6th's window is cut by the holiday, the 7th's resumes at midnight of the 8th",
    );
    const never = { ...DEFAULT_SHOP_HOURS, weekly: DEFAULT_SHOP_HOURS.weekly.map((day) => ({ ...day, closed: true })) };
    assert.equal(nextOpeningOf(never, new Date(china('2026-11-06T19:00:00'))), null);
  });
});

describe('service status on GET /api/v1/shops/:slug and the buyer stream', () => {
  let server: TestServer;
  let clock = china('2026-11-06T03:00:00');
  const status = async (base = server.url) => {
    const response = await api<{ shop: { slug: string; name: string }; service: ServiceStatus }>(
      base,
      'GET',
      '/api/v1/shops/demo',
    );
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body.service as { open: boolean; agentsOnline: boolean; nextOpenAt: string | null };
  };

  before(async () => {
    server = await startTestServer({ now: () => new Date(clock) });
  });
  after(async () => server?.close());

  it("closed by the hours at 03:00 (the demo hours are 09:00–23:00), with today's 09:00 as the next opening", async () => {
    clock = china('2026-11-06T03:00:00');
    assert.deepEqual(await status(), { open: false, agentsOnline: false, nextOpenAt: iso('2026-11-06T09:00:00') });
  });

  it("open with nobody online at 10:00; an agent's stream makes it 在线, and widgets hear both changes", async () => {
    clock = china('2026-11-06T10:00:00');
    assert.deepEqual(await status(), { open: true, agentsOnline: false, nextOpenAt: null });

    const buyer = await startBuyer(server.url);
    const widget = await StreamClient.connect(server.url, buyer.token);
    const presale = await loginAgent(server.url, 'presale1');
    const workbench = await StreamClient.connect(server.url, presale.token);
    const online = await widget.nextOfType('shop.status_changed', (f) => f.service.agentsOnline === true);
    assert.deepEqual(online.service, { open: true, agentsOnline: true, nextOpenAt: null });
    assert.deepEqual(await status(), { open: true, agentsOnline: true, nextOpenAt: null });

    // A second tab of the same agent and its closing change nothing; the last one closing does.
    const secondTab = await StreamClient.connect(server.url, presale.token);
    await secondTab.close();
    await workbench.close();
    const offline = await widget.nextOfType('shop.status_changed', (f) => f.service.agentsOnline === false);
    assert.deepEqual(offline.service, { open: true, agentsOnline: false, nextOpenAt: null });
    assert.equal(widget.frames.filter((f) => f.type === 'shop.status_changed').length, 2, 'one frame per flip');
    assert.equal((await status()).agentsOnline, false);
    await widget.close();
  });

  it('an agent online outside the hours is still 休息中; saving the hours tells open widgets at once', async () => {
    clock = china('2026-11-06T10:00:00');
    const owner = await loginAgent(server.url, 'owner');
    const agent = await StreamClient.connect(server.url, owner.token);
    await until(async () => (await status()).agentsOnline);
    const buyer = await startBuyer(server.url);
    const widget = await StreamClient.connect(server.url, buyer.token);

    const closedToday = { ...DEFAULT_SHOP_HOURS, holidays: [{ date: '2026-11-06', label: '店休' }] };
    assert.equal((await api(server.url, 'PUT', '/api/v1/shop-hours', { token: owner.token, body: closedToday })).status, 200);
    const frame = await widget.nextOfType('shop.status_changed', (f) => f.service.open === false);
    assert.deepEqual(frame.service, { open: false, agentsOnline: true, nextOpenAt: iso('2026-11-07T09:00:00') });
    assert.deepEqual(await status(), frame.service);

    assert.equal(
      (await api(server.url, 'PUT', '/api/v1/shop-hours', { token: owner.token, body: DEFAULT_SHOP_HOURS })).status,
      200,
    );
    await widget.nextOfType('shop.status_changed', (f) => f.service.open === true);
    await agent.close();
    await widget.close();
  });

  it(
    'with Redis, an agent on one server process is online for widgets on another',
    { skip: !TEST_REDIS_URL && 'needs GOLDDESK_TEST_REDIS_URL' },
    async () => {
      clock = china('2026-11-06T10:00:00');
      const database = await createTestDatabase();
      const first = await startTestServer({ database, now: () => new Date(clock) });
      const second = await startTestServer({ database, now: () => new Date(clock) });
      try {
        const buyer = await startBuyer(second.url);
        const widget = await StreamClient.connect(second.url, buyer.token);
        assert.equal((await status(second.url)).agentsOnline, false);
        const agent = await StreamClient.connect(first.url, (await loginAgent(first.url, 'presale1')).token);
        await widget.nextOfType('shop.status_changed', (f) => f.service.agentsOnline === true);
        assert.equal((await status(second.url)).agentsOnline, true, 'the other process counts the agent');
        await agent.close();
        await widget.nextOfType('shop.status_changed', (f) => f.service.agentsOnline === false);
        assert.equal((await status(second.url)).agentsOnline, false);
        await widget.close();
      } finally {
        await second.stop();
        await first.close();
      }
    },
  );

  it('two tabs of the last agent closing at the same moment flip the shop to 暂无客服在线 once, not twice', async () => {
    const redis = TEST_REDIS_URL ? new Redis(TEST_REDIS_URL) : undefined;
    const kinds: [string, AgentPresence][] = [['memory', new MemoryAgentPresence()]];
    if (redis) kinds.push(['redis', new RedisAgentPresence(redis, `test-${Date.now()}-${Math.random()}`)]);
    try {
      for (const [kind, presence] of kinds) {
        await presence.join('shop-y', 'agent-1', 'tab-1');
        await presence.join('shop-y', 'agent-1', 'tab-2');
        const changes = await Promise.all([
          presence.leave('shop-y', 'agent-1', 'tab-1'),
          presence.leave('shop-y', 'agent-1', 'tab-2'),
        ]);
        const flips = changes.filter((change) => change.before > 0 && change.after === 0);
        assert.equal(flips.length, 1, `${kind}: ${JSON.stringify(changes)}`);
      }
    } finally {
      redis?.disconnect();
    }
  });

  it(
    'with Redis, a process that dies without leaving drops out once its lease lapses',
    { skip: !TEST_REDIS_URL && 'needs GOLDDESK_TEST_REDIS_URL' },
    async () => {
      const redis = new Redis(TEST_REDIS_URL!);
      let wall = Date.now();
      const secret = `test-${Date.now()}-${Math.random()}`;
      const crashed = new RedisAgentPresence(redis, secret, () => wall);
      const alive = new RedisAgentPresence(redis, secret, () => wall);
      try {
        assert.deepEqual(await crashed.join('shop-x', 'agent-1', 'c1'), { before: 0, after: 1 });
        assert.deepEqual(await alive.join('shop-x', 'agent-2', 'c2'), { before: 1, after: 2 });
        assert.deepEqual(await alive.join('shop-x', 'agent-2', 'c3'), { before: 2, after: 2 }, 'a second tab is the same agent');
        wall += RedisAgentPresence.LEASE_MS - 1_000;
        await alive.refresh(); // the heartbeat of the living process; the crashed one renews nothing
        wall += 2_000;
        assert.equal(await alive.online('shop-x'), 1, 'only the renewed agent is left');
        await alive.close();
        assert.equal(await alive.online('shop-x'), 0, 'a stopping process takes its connections along');
      } finally {
        redis.disconnect();
      }
    },
  );
});
