import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  BroadcastAudienceResponse,
  BroadcastResponse,
  ErrorEnvelope,
  ListAuditResponse,
  ListBroadcastRecipientsResponse,
  ListBroadcastsResponse,
  ListMessagesResponse,
  SegmentResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { api, buyerSays, loginAgent, startBuyer, until } from './helpers/clients.js';
import { addOtherShop } from './helpers/other-shop.js';
import { startTestServer, TEST_DB, TEST_REDIS_URL, type TestServer } from './helpers/test-server.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** 2026-11-11 00:00 China time (UTC+8). */
const DAY0 = Date.parse('2026-11-10T16:00:00.000Z');
const china = (day: number, time: string) => {
  const [h, m] = time.split(':').map(Number);
  return DAY0 + day * DAY + (h! * 60 + m!) * MINUTE;
};

describe(`broadcasts (群发) with a controllable clock on ${TEST_DB}${TEST_REDIS_URL && TEST_DB === 'postgres' ? ' + Redis (BullMQ)' : ''}`, () => {
  let server: TestServer;
  let clock = china(0, '09:00');
  let owner: { token: string };
  const db = () => server.app.context.storage.db;
  /** One scheduler tick at the given time plus every job it enqueued, run to the end. */
  const tick = async (ms?: number) => {
    if (ms !== undefined) clock = ms;
    await server.app.jobs.runDue();
  };

  before(async () => {
    server = await startTestServer({ now: () => new Date(clock), env: { JOBS_TICK_SECONDS: '0' } });
    owner = await loginAgent(server.url, 'owner');
  });
  after(() => server.close());

  /** n buyers who chatted through the widget, nicknamed `<prefix>1…n`, and a saved segment of exactly them. */
  async function audience(prefix: string, n: number) {
    const buyers = [];
    for (let i = 1; i <= n; i++) {
      const buyer = await startBuyer(server.url, undefined, { nick: `${prefix}${i}` });
      assert.equal(buyer.buyer.nick, `${prefix}${i}`);
      buyers.push({ ...buyer, nick: `${prefix}${i}` });
    }
    const segment = await api<z.infer<typeof SegmentResponse>>(server.url, 'POST', '/api/v1/segments', {
      token: owner.token,
      body: { name: prefix, filter: { q: prefix } },
    });
    assert.equal(segment.status, 200, JSON.stringify(segment.body));
    return { buyers, segmentId: segment.body.segment.id as string };
  }
  async function create<T = z.infer<typeof BroadcastResponse>>(segmentId: string, extra: object = {}, token = owner.token) {
    return api<T>(server.url, 'POST', '/api/v1/broadcasts', {
      token,
      body: { title: '双11预热', template: '亲爱的{买家昵称}，双11预热开始啦！回复 TD 退订', segmentId, ...extra },
    });
  }
  const get = async (id: string) =>
    (await api<z.infer<typeof BroadcastResponse>>(server.url, 'GET', `/api/v1/broadcasts/${id}`, { token: owner.token })).body
      .broadcast;
  const start = (id: string, body: object = {}, token = owner.token) =>
    api<z.infer<typeof BroadcastResponse>>(server.url, 'POST', `/api/v1/broadcasts/${id}/start`, { token, body });
  /** The broadcast messages a buyer has in the chat. */
  async function broadcastMessages(buyerId: string) {
    // why: only the stored payload tells a broadcast from any other bot line; no API shows it.
    return db()
      .selectFrom('messages as m')
      .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .select(['m.body', 'm.seq', 'm.sender'])
      .where('c.buyer_id', '=', buyerId)
      .where('m.payload', 'like', '%"broadcast"%')
      .execute();
  }

  it("reaches exactly the segment's members once — not the blacklisted, not the opted-out — with read and replied figures", async () => {
    clock = china(0, '10:00');
    const { buyers, segmentId } = await audience('群发甲', 5);
    const blocked = await api(server.url, 'POST', `/api/v1/customers/${buyers[3]!.buyer.id}/block`, {
      token: owner.token,
      body: {},
    });
    assert.equal(blocked.status, 200);
    assert.equal((await buyerSays(server.url, buyers[4]!.token, '退订')).status, 201);
    // With Redis the event may reach the listener after the answer: wait for the acknowledgement itself.
    const acknowledged = async () =>
      (
        await api<ListMessagesResponse>(
          server.url,
          'GET',
          `/api/v1/conversations/${buyers[4]!.conversation.id}/messages?afterSeq=0&limit=200`,
          { token: owner.token },
        )
      ).body.messages.some((m) => m.sender === 'bot' && m.body.includes('已为您退订'));
    await until(acknowledged);
    assert.ok(await acknowledged(), 'the buyer gets an acknowledgement');

    const audienceNow = (
      await api<z.infer<typeof BroadcastAudienceResponse>>(
        server.url,
        'GET',
        `/api/v1/broadcasts/audience?segmentId=${segmentId}`,
        { token: owner.token },
      )
    ).body;
    assert.deepEqual(audienceNow, { members: 5, blocked: 1, optedOut: 1, reachable: 3 });

    const created = await create(segmentId);
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const id = created.body.broadcast.id;
    assert.equal(created.body.broadcast.status, 'draft');
    assert.equal(created.body.broadcast.throttlePerMinute, 60, 'default throttle');
    await tick();
    assert.equal((await get(id)).stats.recipients, 0, 'a draft sends nothing');

    assert.equal((await start(id)).body.broadcast.status, 'scheduled');
    await tick();
    const sending = await get(id);
    assert.equal(sending.stats.recipients, 5);
    assert.equal(sending.stats.sent, 3);
    assert.deepEqual(sending.stats.skippedByReason, { blocked: 1, opted_out: 1 });
    await tick();
    await tick(china(0, '10:05'));
    const done = await get(id);
    assert.equal(done.status, 'done');
    assert.ok(done.finishedAt);

    for (const [i, buyer] of buyers.entries()) {
      const messages = await broadcastMessages(buyer.buyer.id);
      assert.equal(messages.length, i < 3 ? 1 : 0, `${buyer.nick} gets ${i < 3 ? 'exactly one' : 'no'} message`);
      if (i < 3) {
        assert.equal(messages[0]!.body, `亲爱的${buyer.nick}，双11预热开始啦！回复 TD 退订`);
        assert.equal(messages[0]!.sender, 'bot');
      }
    }

    // Buyer 1 reads it, buyer 2 answers the next day; buyer 3 answers after 4 days (too late to count).
    const seq = Number((await broadcastMessages(buyers[0]!.buyer.id))[0]!.seq);
    assert.equal((await api(server.url, 'POST', '/api/v1/widget/read', { token: buyers[0]!.token, body: { seq } })).status, 200);
    clock = china(1, '09:00');
    assert.equal((await buyerSays(server.url, buyers[1]!.token, '有满减吗？')).status, 201);
    clock = china(4, '11:00');
    assert.equal((await buyerSays(server.url, buyers[2]!.token, '还有活动吗')).status, 201);
    const stats = (await get(id)).stats;
    assert.equal(stats.read, 1);
    assert.equal(stats.replied, 1);

    const page = (
      await api<z.infer<typeof ListBroadcastRecipientsResponse>>(
        server.url,
        'GET',
        `/api/v1/broadcasts/${id}/recipients?status=skipped&pageSize=10`,
        { token: owner.token },
      )
    ).body;
    assert.equal(page.total, 2);
    assert.deepEqual(page.recipients.map((r) => r.reason).sort(), ['blocked', 'opted_out']);
    const sent = (
      await api<z.infer<typeof ListBroadcastRecipientsResponse>>(
        server.url,
        'GET',
        `/api/v1/broadcasts/${id}/recipients?status=sent`,
        { token: owner.token },
      )
    ).body;
    assert.deepEqual(
      sent.recipients.map((r: { buyerNick: string; read: boolean; replied: boolean }) => [r.buyerNick, r.read, r.replied]).sort(),
      [
        ['群发甲1', true, false],
        ['群发甲2', false, true],
        ['群发甲3', false, false],
      ],
    );

    // Buyer 3 writes TD: the next broadcast to the segment skips them too.
    assert.equal((await buyerSays(server.url, buyers[2]!.token, ' td ')).status, 201);
    const optedOut = async () =>
      (
        await api<z.infer<typeof BroadcastAudienceResponse>>(
          server.url,
          'GET',
          `/api/v1/broadcasts/audience?segmentId=${segmentId}`,
          { token: owner.token },
        )
      ).body.optedOut;
    await until(async () => (await optedOut()) === 2);
    assert.equal(await optedOut(), 2, 'buyers 3 and 5 opted out');
    const again = (await create(segmentId)).body.broadcast.id;
    await start(again);
    await tick();
    await tick();
    const second = await get(again);
    assert.equal(second.status, 'done');
    assert.equal(second.stats.sent, 2);
    assert.deepEqual(second.stats.skippedByReason, { blocked: 1, opted_out: 2 });
    assert.equal((await broadcastMessages(buyers[2]!.buyer.id)).length, 1, 'the opted-out buyer got only the first one');

    const audit = (
      await api<z.infer<typeof ListAuditResponse>>(server.url, 'GET', `/api/v1/audit?targetType=broadcast&targetId=${id}`, {
        token: owner.token,
      })
    ).body;
    const actions = audit.entries.map((e: { action: string }) => e.action);
    for (const action of ['broadcast.created', 'broadcast.started', 'broadcast.sending_began', 'broadcast.finished'])
      assert.ok(actions.includes(action), action);
  });

  it('honours the throttle: with 2 per minute, 2 are sent in the first minute, 4 after the second, all 5 after the third', async () => {
    clock = china(5, '10:00');
    const { segmentId } = await audience('群发乙', 5);
    const id = (await create(segmentId, { throttlePerMinute: 2 })).body.broadcast.id;
    await start(id);
    await tick();
    assert.equal((await get(id)).stats.sent, 2);
    await tick(china(5, '10:00') + 30_000);
    await tick(china(5, '10:00') + 59_000);
    assert.equal((await get(id)).stats.sent, 2, 'still 2 within the first minute');
    await tick(china(5, '10:01'));
    assert.equal((await get(id)).stats.sent, 4);
    await tick(china(5, '10:02'));
    await tick();
    const done = await get(id);
    assert.equal(done.stats.sent, 5);
    assert.equal(done.status, 'done');
    assert.equal((await create(segmentId, { throttlePerMinute: 601 })).status, 400, 'at most 600 per minute');
  });

  it('pauses in the quiet hours (23:00–08:00) and resumes at 08:00', async () => {
    clock = china(6, '22:59');
    const { segmentId } = await audience('群发丙', 5);
    const id = (await create(segmentId, { throttlePerMinute: 2 })).body.broadcast.id;
    await start(id);
    await tick();
    assert.equal((await get(id)).stats.sent, 2);
    await tick(china(6, '23:00'));
    const paused = await get(id);
    assert.equal(paused.stats.sent, 2);
    assert.equal(paused.paused, true);
    assert.equal(paused.resumesAt, new Date(china(7, '08:00')).toISOString());
    for (const time of ['23:30', '03:00', '07:59']) await tick(china(time === '23:30' ? 6 : 7, time));
    assert.equal((await get(id)).stats.sent, 2, 'nothing at night');
    await tick(china(7, '08:00'));
    const resumed = await get(id);
    assert.equal(resumed.stats.sent, 4);
    assert.equal(resumed.paused, false);
  });

  it('starts a scheduled broadcast at its time, and cancel stops the rest', async () => {
    clock = china(8, '08:30');
    const { buyers, segmentId } = await audience('群发丁', 3);
    const id = (await create(segmentId, { throttlePerMinute: 1, scheduledAt: new Date(china(8, '09:00')).toISOString() })).body
      .broadcast.id;
    await start(id);
    await tick(china(8, '08:59'));
    assert.equal((await get(id)).status, 'scheduled');
    assert.equal((await get(id)).stats.recipients, 0);
    await tick(china(8, '09:00'));
    assert.equal((await get(id)).stats.sent, 1);
    const cancelled = await api<z.infer<typeof BroadcastResponse>>(server.url, 'POST', `/api/v1/broadcasts/${id}/cancel`, {
      token: owner.token,
    });
    assert.equal(cancelled.body.broadcast.status, 'cancelled');
    assert.deepEqual(cancelled.body.broadcast.stats.skippedByReason, { cancelled: 2 });
    for (const time of ['09:01', '09:05', '10:00']) await tick(china(8, time));
    const total = (await Promise.all(buyers.map((b) => broadcastMessages(b.buyer.id)))).flat().length;
    assert.equal(total, 1, 'nothing after the cancel');
    assert.equal((await api(server.url, 'POST', `/api/v1/broadcasts/${id}/cancel`, { token: owner.token })).status, 409);
    assert.equal((await start(id)).status, 409);
  });

  it('lets only the owner and managers create, start and cancel; every agent reads; nothing crosses shops', async () => {
    clock = china(9, '10:00');
    const { segmentId } = await audience('群发戊', 1);
    const presale = await loginAgent(server.url, 'presale1');
    assert.equal((await create(segmentId, {}, presale.token)).status, 403);
    const id = (await create(segmentId)).body.broadcast.id;
    assert.equal((await start(id, {}, presale.token)).status, 403);
    assert.equal((await api(server.url, 'POST', `/api/v1/broadcasts/${id}/cancel`, { token: presale.token })).status, 403);
    assert.equal((await api(server.url, 'GET', `/api/v1/broadcasts/${id}`, { token: presale.token })).status, 200);
    const list = (
      await api<z.infer<typeof ListBroadcastsResponse>>(server.url, 'GET', '/api/v1/broadcasts', { token: presale.token })
    ).body.broadcasts;
    assert.ok(list.some((b: { id: string }) => b.id === id));
    const untargeted = await create<ErrorEnvelope>(null as unknown as string);
    assert.equal(untargeted.status, 400);
    assert.equal(untargeted.body.error.code, 'broadcast_target_required');
    assert.match(untargeted.body.error.message, /请选择群发的目标客户分群/);
    assert.equal(
      (
        await api(server.url, 'POST', '/api/v1/broadcasts', {
          token: owner.token,
          body: { title: 't', template: 'x'.repeat(501), segmentId },
        })
      ).status,
      400,
      'template at most 500 characters',
    );

    const other = await addOtherShop(server);
    assert.equal((await api(server.url, 'GET', `/api/v1/broadcasts/${id}`, { token: other.owner.token })).status, 404);
    assert.equal((await start(id, {}, other.owner.token)).status, 404);
    assert.equal((await api(server.url, 'POST', `/api/v1/broadcasts/${id}/cancel`, { token: other.owner.token })).status, 404);
    assert.equal((await api(server.url, 'GET', `/api/v1/broadcasts/${id}/recipients`, { token: other.owner.token })).status, 404);
    assert.equal((await create(segmentId, {}, other.owner.token)).status, 404, "another shop's segment is not found");
    assert.deepEqual(
      (await api<z.infer<typeof ListBroadcastsResponse>>(server.url, 'GET', '/api/v1/broadcasts', { token: other.owner.token }))
        .body.broadcasts,
      [],
    );
  });
});
