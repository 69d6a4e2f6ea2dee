import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type {
  DailySummary,
  InboundEventResult,
  IntegrationSettings,
  MeasureFactsResponse,
  MeasureRow,
  MeasuresResponse,
  ResponseDistribution,
} from '@golddesk/contracts';
import { signIdentity, signPayload } from '../src/platform/security/hmac-signature.js';
import { agentSays, api, buyerSays, loginAgent, startBuyer, StreamClient, until, type BuyerSession } from './helpers/clients.js';
import { startTestServer, TEST_DB, type TestServer } from './helpers/test-server.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** 2026-12-01 00:00 China time (UTC+8), a Tuesday: the day the timeline happens on. */
const DAY0 = Date.parse('2026-11-30T16:00:00.000Z');
/** An instant in China time: day offset from 2026-12-01 and "HH:mm" or "HH:mm:ss". */
const china = (day: number, time: string) => {
  const [h, m, s] = time.split(':').map(Number);
  return DAY0 + day * DAY + (h! * 60 + m!) * MINUTE + (s ?? 0) * 1000;
};
const D = '2026-12-01';

describe(`measures (绩效) on constructed timelines, computed by hand, on ${TEST_DB}`, () => {
  let server: TestServer;
  // The shop (and anything it seeds) is made weeks before the timeline (agents stay signed in for 30 days), so the day measured holds only the timeline.
  let clock = china(-20, '09:00');
  let a: { token: string; agentId: string };
  let b: { token: string; agentId: string };
  const signIn = async (username: string) => {
    const { token, agent } = await loginAgent(server.url, username);
    return { token, agentId: agent.id };
  };
  let owner: { token: string };
  const at = async (time: number) => {
    clock = time;
  };
  const settle = () => server.app.outbox.drain();

  before(async () => {
    // The daily summary's receiver listens on loopback: the self-hoster's switch lets webhooks reach it.
    server = await startTestServer({
      now: () => new Date(clock),
      demoWelcome: true,
      env: { WEBHOOK_ALLOW_PRIVATE_NETWORK: '1', JOBS_TICK_SECONDS: '0' },
    });
    owner = await loginAgent(server.url, 'owner');
    a = await signIn('presale1');
    b = await signIn('support1');
  });
  after(() => server.close());

  /** The buyer says `text` at `time`; returns their conversation id. */
  async function buyerAt(buyer: BuyerSession, time: number, text: string): Promise<string> {
    await at(time);
    const sent = await buyerSays(server.url, buyer.token, text);
    assert.ok(sent.status < 300, JSON.stringify(sent.body));
    await settle();
    return sent.body.message.conversationId;
  }
  async function agentAt(agent: { token: string }, conversationId: string, time: number, text: string) {
    await at(time);
    const sent = await agentSays(server.url, agent.token, conversationId, text);
    assert.ok(sent.status < 300, JSON.stringify(sent.body));
    await settle();
  }
  async function take(agent: { token: string }, conversationId: string, time: number) {
    await at(time);
    const taken = await api(server.url, 'POST', `/api/v1/conversations/${conversationId}/assign`, { token: agent.token });
    assert.equal(taken.status, 200, JSON.stringify(taken.body));
  }
  async function figures(query: string, token = owner.token) {
    const response = await api<MeasuresResponse>(server.url, 'GET', `/api/v1/measures?${query}`, { token });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body;
  }
  const rowOf = (body: MeasuresResponse, key: string): MeasureRow => body.rows.find((r) => r.key === key)!;

  it('builds the day: fast replies, a 25-minute turn, a late-night turn, an unanswered turn, an assist, a bot-only turn, a transfer, a next-day payment', async () => {
    // Buyer 1: answered in 40 s; then a 25-minute turn of two messages (capped at 10 minutes); then a turn at 23:25
    // answered at 23:30 (outside 08:00–23:00: not counted).
    const b1 = await startBuyer(server.url);
    const c1 = await buyerAt(b1, china(0, '10:00'), '在吗？这条裙子有M码吗');
    await take(a, c1, china(0, '10:00:10'));
    await agentAt(a, c1, china(0, '10:00:40'), '亲，在的~ M码有货哦');
    await buyerAt(b1, china(0, '10:05'), '那蓝色呢');
    await buyerAt(b1, china(0, '10:07'), '？');
    await agentAt(a, c1, china(0, '10:30'), '亲，蓝色M码也有的，久等了');
    await buyerAt(b1, china(0, '23:25'), '还在吗，今晚能发货吗');
    await agentAt(a, c1, china(0, '23:30'), '亲，明天一早发出哦');

    // Buyer 2: answered in 60 s, then a question at 11:20 nobody answers (counts as 10 minutes, for the agent who had them).
    const b2 = await startBuyer(server.url);
    const c2 = await buyerAt(b2, china(0, '11:00'), '你好');
    await take(a, c2, china(0, '11:00:30'));
    await agentAt(a, c2, china(0, '11:01'), '亲，您好，请问有什么可以帮您');
    await buyerAt(b2, china(0, '11:20'), '这个能便宜点吗');

    // Buyer 3: the agent answers from a suggestion / quick reply after 2 minutes: the agent's reply, counted.
    const b3 = await startBuyer(server.url);
    const c3 = await buyerAt(b3, china(0, '14:00'), '什么时候发货');
    await take(a, c3, china(0, '14:00:20'));
    await agentAt(a, c3, china(0, '14:02'), '亲，付款后48小时内发货哦~');

    // Buyer 4: only the welcome auto-reply answers; no agent ever does: the bot's turn, counted nowhere.
    const b4 = await startBuyer(server.url);
    const c4 = await buyerAt(b4, china(0, '15:00'), '在吗');
    const c4messages = await api<{ messages: { sender: string }[] }>(
      server.url,
      'GET',
      `/api/v1/conversations/${c4}/messages?afterSeq=0`,
      {
        token: owner.token,
      },
    );
    assert.ok(
      c4messages.body.messages.some((m) => m.sender === 'bot'),
      'the welcome auto-reply answered',
    );

    // Buyer 5: A takes them, transfers to B a minute later, B answers at 3 minutes: B's turn, 180 s (still fast).
    const b5 = await startBuyer(server.url);
    const c5 = await buyerAt(b5, china(0, '16:00'), '我想换个颜色');
    await take(a, c5, china(0, '16:00:10'));
    await at(china(0, '16:01'));
    // B has the workbench open (present), as a colleague taking a transfer has.
    const bWorkbench = await StreamClient.connect(server.url, b.token);
    const moved = await api(server.url, 'POST', `/api/v1/conversations/${c5}/transfer`, {
      token: a.token,
      body: { toAgentId: b.agentId, note: '买家想换颜色' },
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    await agentAt(b, c5, china(0, '16:03'), '亲，我来帮您换，想换哪个颜色呢');
    bWorkbench.close();

    // Buyer 6: a shop customer asks at 17:00, A answers in 30 s, the order placed at 17:10 is paid the next day at 10:00.
    const integration = (await api<IntegrationSettings>(server.url, 'GET', '/api/v1/integration', { token: owner.token })).body;
    await at(china(0, '16:59'));
    const t = Math.floor(clock / 1000);
    const session = await api<BuyerSession>(server.url, 'POST', '/api/v1/widget/sessions', {
      body: {
        shop: 'demo',
        identity: {
          externalId: 'member-kpi-6',
          timestamp: t,
          signature: signIdentity(integration.identitySecret, 'member-kpi-6', t),
        },
      },
    });
    assert.equal(session.status, 200, JSON.stringify(session.body));
    const c6 = await buyerAt(session.body, china(0, '17:00'), '这件大衣还有优惠吗');
    await take(a, c6, china(0, '17:00:10'));
    await agentAt(a, c6, china(0, '17:00:30'), '亲，今天下单立减20元哦');
    const push = async (type: string, data: object) => {
      const body = JSON.stringify({ id: randomUUID(), type, occurredAt: new Date(clock).toISOString(), data });
      const response = await api<InboundEventResult>(server.url, 'POST', '/api/v1/integrations/demo/events', {
        raw: body,
        headers: {
          'content-type': 'application/json',
          'x-golddesk-signature': signPayload(integration.inboundSecret, body, Math.floor(clock / 1000)),
        },
      });
      assert.equal(response.status, 200, JSON.stringify(response.body));
    };
    await at(china(0, '17:10'));
    await push('order.upserted', {
      orderNo: 'KPI-6',
      buyer: { externalId: 'member-kpi-6', nick: '大衣买家' },
      totalFen: 59_900,
      items: [{ title: '双面羊绒大衣', skuProps: { 颜色: '驼色' }, priceFen: 59_900, quantity: 1 }],
      receiver: { name: '王女士', phone: '13900002222', province: '浙江省', address: '杭州市西湖区文三路 1 号' },
      placedAt: new Date(clock).toISOString(),
    });
    await settle();
    await at(china(1, '10:00'));
    await push('order.paid', { orderNo: 'KPI-6', paidAt: new Date(clock).toISOString() });
    await settle();
    await at(china(1, '12:00'));
  });

  it("counts each agent's response figures as worked out by hand", async () => {
    const body = await figures(`from=${D}&to=${D}&by=agent`);
    const mine = rowOf(body, a.agentId);
    // A's counted turns: 40 s, 25 min → 600, 60 s, unanswered → 600, 120 s (assist), 30 s. 23:25 is outside the hours.
    assert.equal(mine.turns, 6);
    assert.equal(mine.unansweredTurns, 1);
    assert.equal(mine.averageResponseSeconds, (40 + 600 + 60 + 600 + 120 + 30) / 6);
    // First turns of the day: buyer 1 at 40 s, buyer 2 at 60 s, buyer 3 at 120 s, buyer 6 at 30 s.
    assert.equal(mine.firstResponseSeconds, (40 + 60 + 120 + 30) / 4);
    assert.equal(mine.fastShare, 4 / 6);
    // The transferred buyer is B's: answered 3 minutes after asking, by B.
    const theirs = rowOf(body, b.agentId);
    assert.equal(theirs.turns, 1);
    assert.equal(theirs.averageResponseSeconds, 180);
    assert.equal(theirs.fastShare, 1);
    // The shop: A's and B's turns; the bot-only turn and the late-night turn count nowhere.
    assert.equal(body.total.turns, 7);
    assert.equal(body.total.averageResponseSeconds, (40 + 600 + 60 + 600 + 120 + 30 + 180) / 7);
    assert.equal(body.targets.fastShare, 0.8, 'the marketplace bar is drawn where the shop set none');
  });

  it('converts the buyer who paid the next day in the final figure, not the same-day one', async () => {
    const mine = rowOf(await figures(`from=${D}&to=${D}&by=agent`), a.agentId);
    // A's inquiries: buyers 1, 2, 3 and 6 (buyer 5 went to B, buyer 4 was answered by nobody).
    assert.equal(mine.inquiries, 4);
    assert.equal(mine.paidSameDay, 0);
    assert.equal(mine.paidFinal, 1);
    assert.equal(mine.conversionSameDay, 0);
    assert.equal(mine.conversionFinal, 1 / 4);
    assert.equal(mine.paidFen, 59_900);
    assert.equal(mine.orderValueFen, 59_900);
    const shop = (await figures(`from=${D}&to=${D}&by=shop`)).total;
    assert.equal(shop.inquiries, 6, 'every buyer who asked before paying, whoever answered');
    assert.equal(shop.ordered, 1);
  });

  it('counts 答问比 from the messages of the turns', async () => {
    const mine = rowOf(await figures(`from=${D}&to=${D}&by=agent`), a.agentId);
    // A's turns hold 6 of A's messages (3 to buyer 1, the 23:30 one included; 1 each to buyers 2, 3 and 6) and 8 buyer
    // messages (buyer 1: 4, buyer 2: 2, buyer 3: 1, buyer 6: 1): every turn counts here, late-night ones too.
    assert.equal(mine.agentMessages, 6);
    assert.equal(mine.buyerMessages, 8);
    assert.equal(mine.answerRatio, 6 / 8);
  });

  it('drills a figure down to its turns, each with how it counted', async () => {
    const facts = await api<MeasureFactsResponse>(
      server.url,
      'GET',
      `/api/v1/measures/facts?kind=turns&from=${D}&to=${D}&agentId=${a.agentId}`,
      {
        token: owner.token,
      },
    );
    assert.equal(facts.status, 200);
    const status = facts.body.columns.indexOf('status');
    const counted = facts.body.columns.indexOf('counted_seconds');
    const statuses = facts.body.rows.map((r) => r[status]).sort();
    assert.deepEqual(statuses, ['answered', 'answered', 'answered', 'answered', 'answered', 'outside_hours', 'unanswered']);
    const sum = facts.body.rows.reduce((total, r) => total + Number(r[counted] ?? 0), 0);
    assert.equal(sum, 40 + 600 + 60 + 600 + 120 + 30, 'the rows add up to the figure');
  });

  it('spreads the counted turns over response times', async () => {
    const { body } = await api<ResponseDistribution>(server.url, 'GET', `/api/v1/measures/distribution?from=${D}&to=${D}`, {
      token: owner.token,
    });
    // ≤15 s: 0; ≤30 s: 30; ≤60 s: 40, 60; ≤3 min: 120, 180; ≤5 min: 0; ≤10 min: 0; over or unanswered: 25 min, unanswered.
    assert.deepEqual(
      body.buckets.map((bucket) => bucket.turns),
      [0, 1, 2, 2, 0, 0, 2],
    );
  });

  it('gives the same facts back when rebuilt from the messages', async () => {
    const before = await figures(`from=${D}&to=${D}&by=agent`);
    const rebuilt = await api<{ turns: number; inquiries: number }>(server.url, 'POST', '/api/v1/measures/rebuild', {
      token: owner.token,
      body: {},
    });
    assert.equal(rebuilt.status, 200, JSON.stringify(rebuilt.body));
    const afterwards = await figures(`from=${D}&to=${D}&by=agent`);
    assert.deepEqual(rowOf(afterwards, a.agentId), rowOf(before, a.agentId));
    assert.deepEqual(rowOf(afterwards, b.agentId), rowOf(before, b.agentId));
    assert.deepEqual(afterwards.total, before.total);
  });

  it('shows an agent only their own figures; the team and the targets are the managers', async () => {
    const own = await figures(`from=${D}&to=${D}&by=agent`, b.token);
    assert.deepEqual(
      own.rows.map((r) => r.key),
      [b.agentId],
    );
    assert.equal(own.total.turns, 1, "the total is the agent's own");
    const colleague = await api(server.url, 'GET', `/api/v1/measures?from=${D}&to=${D}&agentId=${a.agentId}`, { token: b.token });
    assert.equal(colleague.status, 403);
    const targets = await api(server.url, 'PUT', '/api/v1/measures/targets', {
      token: b.token,
      body: {
        firstResponseSeconds: 20,
        averageResponseSeconds: 40,
        fastShare: 0.9,
        answerRatio: null,
        conversionFinal: 0.4,
        reminderSuccess: null,
        satisfaction: null,
      },
    });
    assert.equal(targets.status, 403);
  });

  it('counts an unanswered turn as 10 minutes only once it is 10 minutes old', async () => {
    // A buyer already served (the welcome auto-reply answers only a first message) asks again at 12:00.
    const buyer = await startBuyer(server.url);
    const conversation = await buyerAt(buyer, china(1, '11:50'), '你好');
    await take(a, conversation, china(1, '11:50:10'));
    await agentAt(a, conversation, china(1, '11:50:20'), '亲，您好');
    await buyerAt(buyer, china(1, '12:00'), '有人吗');
    const day = '2026-12-02';
    await at(china(1, '12:05'));
    const young = (await figures(`from=${day}&to=${day}&by=shop`)).total;
    assert.equal(young.unansweredTurns, 0, 'still pending at 5 minutes');
    const pendingTurns = young.turns;
    await at(china(1, '12:11'));
    const old = (await figures(`from=${day}&to=${day}&by=shop`)).total;
    assert.equal(old.unansweredTurns, 1);
    assert.equal(old.turns, pendingTurns + 1);
  });

  it("sends yesterday's figures every morning at 08:00 to a webhook subscribed to the daily summary, once", async () => {
    const received: DailySummary[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push((JSON.parse(body) as { data: { summary: DailySummary } }).data.summary);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const port = (receiver.address() as { port: number }).port;
      const created = await api(server.url, 'POST', '/api/v1/webhooks', {
        token: owner.token,
        body: { url: `http://127.0.0.1:${port}/daily`, events: ['measures.daily_summary'] },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      await at(china(1, '07:59'));
      await server.app.jobs.runDue();
      assert.equal(received.length, 0, 'not before 08:00');
      await at(china(1, '08:01'));
      await server.app.jobs.runDue();
      await server.app.jobs.runDue();
      await until(async () => received.length > 0);
      assert.equal(received.length, 1);
      const summary = received[0]!;
      assert.equal(summary.day, D);
      assert.equal(summary.shop.turns, 7);
      assert.equal(
        summary.agents.find((row) => row.key === a.agentId)?.averageResponseSeconds,
        (40 + 600 + 60 + 600 + 120 + 30) / 6,
      );
      await at(china(1, '09:00'));
      await server.app.jobs.runDue();
      await server.app.jobs.runDue();
      assert.equal(received.length, 1, 'one summary a day');
    } finally {
      receiver.close();
    }
  });

  it('counts online time (在线 and 忙碌) from the first workbench of the day, the agent never having set a status', async () => {
    const day = '2026-12-03';
    const { token, agent } = await loginAgent(server.url, 'aftersale1');
    await at(china(2, '10:00'));
    const workbench = await StreamClient.connect(server.url, token);
    try {
      // The workbench opening records 在线 (the agent hears it as colleagues do).
      await workbench.nextOfType('agent.status_changed', (frame) => frame.agentId === agent.id && frame.status === 'online');
      await at(china(2, '12:00'));
      assert.equal((await api(server.url, 'PUT', '/api/v1/me/status', { token, body: { status: 'busy' } })).status, 200);
      await at(china(2, '13:00'));
      assert.equal((await api(server.url, 'PUT', '/api/v1/me/status', { token, body: { status: 'offline' } })).status, 200);
      await at(china(2, '15:00'));
      const row = rowOf(await figures(`from=${day}&to=${day}&by=agent`), agent.id);
      assert.equal(row.onlineSeconds, 3 * 3600, '10:00–13:00: two hours 在线, one 忙碌; 离线 does not count');
    } finally {
      workbench.close();
    }
  });

  it('refuses a 10-year range, an unknown agent and a reversed range with clear errors', async () => {
    const long = await api<{ error: { code: string; message: string } }>(
      server.url,
      'GET',
      '/api/v1/measures?from=2016-01-01&to=2026-01-01',
      {
        token: owner.token,
      },
    );
    assert.equal(long.status, 400);
    assert.equal(long.body.error.code, 'range_too_long');
    assert.match(long.body.error.message, /400/);
    const unknown = await api<{ error: { code: string; message: string } }>(
      server.url,
      'GET',
      `/api/v1/measures?from=${D}&to=${D}&agentId=nobody`,
      {
        token: owner.token,
      },
    );
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.error.message, /客服/);
    const reversed = await api<{ error: { code: string } }>(server.url, 'GET', `/api/v1/measures?from=${D}&to=2026-11-01`, {
      token: owner.token,
    });
    assert.equal(reversed.body.error.code, 'invalid_range');
    const malformed = await api<{ error: { code: string } }>(
      server.url,
      'GET',
      '/api/v1/measures?from=2026-02-30&to=2026-03-01',
      { token: owner.token },
    );
    assert.equal(malformed.status, 400);
  });

  it('exports the figures table as CSV that opens in Excel, and as xlsx', async () => {
    const csv = await fetch(`${server.url}/api/v1/measures/export?from=${D}&to=${D}&by=agent&format=csv`, {
      headers: { authorization: `Bearer ${owner.token}` },
    });
    assert.equal(csv.status, 200);
    const bytes = Buffer.from(await csv.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, so Excel reads it as UTF-8');
    const text = bytes.toString('utf8');
    assert.ok(text.startsWith('\uFEFF名称,接待人数'), text.slice(0, 40));
    assert.match(text, /售前-糖糖/);
    const xlsx = await fetch(`${server.url}/api/v1/measures/export?from=${D}&to=${D}&table=turns&format=xlsx`, {
      headers: { authorization: `Bearer ${owner.token}` },
    });
    assert.equal(xlsx.status, 200);
    assert.equal(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
      'PK',
      'an xlsx (zip) file',
    );
  });
});
