// Routing (分流, issue 12): groups, capacity, least-busy assignment, queues with places told to buyers, 挂起, the
// after-sales rule, sticky buyers, transfer with a note, reassignment after 100 s, and bad input. The clock is the
// test's; agents are online by their open streams.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ConversationSummary, RoutingSettings } from '@golddesk/contracts';
import {
  api,
  buyerSays,
  loginAgent,
  startBuyer,
  startDemoBuyer,
  StreamClient,
  until,
  type BuyerSession,
} from './helpers/clients.js';
import { startTestServer, TEST_DB, type TestServer } from './helpers/test-server.js';

const china = (local: string) => Date.parse(`${local}+08:00`);

describe(`routing (分流) on ${TEST_DB}`, () => {
  let server: TestServer;
  let clock = china('2026-11-06T10:00:00');
  let owner: { token: string };
  const streams: StreamClient[] = [];

  /** A new agent of the role, signed in with their workbench open (online), at the given capacity. */
  async function onlineAgent(username: string, role: string, capacity: number) {
    const created = await api<{ agent: { id: string } }>(server.url, 'POST', '/api/v1/team/agents', {
      token: owner.token,
      body: { username, name: username, role, password: 'agent-password-1' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.agent.id;
    const patched = await api(server.url, 'PATCH', `/api/v1/team/agents/${id}`, { token: owner.token, body: { capacity } });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    const { token } = await loginAgent(server.url, username, 'agent-password-1');
    const stream = await StreamClient.connect(server.url, token);
    streams.push(stream);
    return { id, token, stream };
  }

  async function conversation(id: string): Promise<ConversationSummary> {
    const response = await api<{ conversation: ConversationSummary }>(server.url, 'GET', `/api/v1/conversations/${id}`, {
      token: owner.token,
    });
    assert.equal(response.status, 200);
    return response.body.conversation;
  }

  /** A buyer with the widget open writes their first message; resolves once routing placed them (agent or queue). */
  async function buyerArrives(text: string, session?: BuyerSession) {
    const buyer = session ?? (await startBuyer(server.url));
    const widget = await StreamClient.connect(server.url, buyer.token);
    streams.push(widget);
    assert.equal((await buyerSays(server.url, buyer.token, text)).status, 201);
    const id = buyer.conversation.id;
    await until(async () => {
      const c = await conversation(id);
      return c.assigneeId !== null || (c.queuePosition ?? null) !== null;
    });
    return { buyer, widget, id };
  }

  const lastPlace = (widget: StreamClient) =>
    widget.frames.filter((f) => f.type === 'queue.position').at(-1) as { position: number | null } | undefined;

  before(async () => {
    server = await startTestServer({ routing: true, now: () => new Date(clock) });
    owner = await loginAgent(server.url, 'owner');
    // The demo's buyers still waiting are closed, so the queue holds only this suite's buyers.
    const waiting = await api<{ conversations: ConversationSummary[] }>(
      server.url,
      'GET',
      '/api/v1/conversations?filter=waiting',
      {
        token: owner.token,
      },
    );
    for (const c of waiting.body.conversations) {
      await api(server.url, 'POST', `/api/v1/conversations/${c.id}/close`, { token: owner.token });
    }
  });
  after(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await server?.close();
  });

  let agents: Awaited<ReturnType<typeof onlineAgent>>[] = [];
  const arrivals: Awaited<ReturnType<typeof buyerArrives>>[] = [];

  it('3 agents of capacity 2, 10 buyers: 6 assigned least-busy, 4 queued and told places 1–4; a closed chat takes the next', async () => {
    agents = [
      await onlineAgent('pre-a', 'presale', 2),
      await onlineAgent('pre-b', 'presale', 2),
      await onlineAgent('pre-c', 'presale', 2),
    ];
    for (let n = 1; n <= 10; n += 1) {
      clock += 1000;
      arrivals.push(await buyerArrives(`你好，我想问下第${n}件商品`));
    }
    const placed = await Promise.all(arrivals.map((a) => conversation(a.id)));
    const loads = agents.map((agent) => placed.filter((c) => c.assigneeId === agent.id).length);
    assert.deepEqual(loads, [2, 2, 2], 'least busy spreads the first six evenly');
    assert.ok(
      placed.slice(0, 6).every((c) => c.assigneeId !== null && c.group === 'presale'),
      'the first six are served',
    );
    assert.ok(
      placed.slice(6).every((c) => c.assigneeId === null),
      'the last four wait',
    );
    for (const [index, arrival] of arrivals.slice(6).entries()) {
      await until(async () => lastPlace(arrival.widget)?.position === index + 1);
    }
    assert.deepEqual(
      placed.slice(6).map((c) => c.queuePosition),
      [1, 2, 3, 4],
    );
    // An honest estimate from the group's pace: 6 buyers taken in the last 30 minutes → one every 300 s.
    const seventh = arrivals[6]!.widget.frames.find((f) => f.type === 'queue.position') as {
      position: number;
      etaSeconds?: number;
    };
    assert.deepEqual(seventh, { type: 'queue.position', position: 1, etaSeconds: 300 });

    // pre-a ends a chat: the longest-waiting buyer (the 7th) is theirs, and the others move up.
    const mine = placed.find((c) => c.assigneeId === agents[0]!.id)!;
    clock += 1000;
    assert.equal(
      (await api(server.url, 'POST', `/api/v1/conversations/${mine.id}/close`, { token: agents[0]!.token })).status,
      200,
    );
    await until(async () => (await conversation(arrivals[6]!.id)).assigneeId === agents[0]!.id);
    await until(async () => lastPlace(arrivals[6]!.widget)?.position === null);
    for (const [index, arrival] of arrivals.slice(7).entries()) {
      await until(async () => lastPlace(arrival.widget)?.position === index + 1);
    }
    const mineNow = await api<{ conversations: ConversationSummary[] }>(server.url, 'GET', '/api/v1/conversations?assignee=me', {
      token: agents[0]!.token,
    });
    assert.deepEqual(
      mineNow.body.conversations.map((c) => c.id).sort(),
      placed
        .filter((c) => c.assigneeId === agents[0]!.id && c.id !== mine.id)
        .map((c) => c.id)
        .concat(arrivals[6]!.id)
        .sort(),
    );
  });

  it('a 挂起 (busy) agent keeps their buyers but takes no new one; back 在线, they take the next', async () => {
    const c = agents[2]!;
    assert.equal((await api(server.url, 'PUT', '/api/v1/me/status', { token: c.token, body: { status: 'busy' } })).status, 200);
    const theirs = (await Promise.all(arrivals.map((a) => conversation(a.id)))).find((x) => x.assigneeId === c.id)!;
    clock += 1000;
    await api(server.url, 'POST', `/api/v1/conversations/${theirs.id}/close`, { token: c.token });
    await server.app.jobs.runDue(); // the sweep would hand out the free slot if it could
    assert.equal((await conversation(arrivals[7]!.id)).assigneeId, null, 'the busy agent took nobody');
    assert.equal((await conversation(arrivals[7]!.id)).queuePosition, 1);

    assert.equal((await api(server.url, 'PUT', '/api/v1/me/status', { token: c.token, body: { status: 'online' } })).status, 200);
    await until(async () => (await conversation(arrivals[7]!.id)).assigneeId === c.id);
  });

  it('a buyer with a signed order inside the return window goes to 售后', async () => {
    const after = await onlineAgent('after-a', 'aftersale', 3);
    const buyer = await startDemoBuyer(server.url, 'demo-buyer-001');
    const db = server.app.context.storage.db;
    const signedAt = new Date(clock - 2 * 24 * 3600_000).toISOString();
    await db
      .updateTable('orders')
      .set({ status: 'signed', signed_at: signedAt })
      .where('buyer_id', '=', buyer.buyer.id)
      .execute();
    const arrival = await buyerArrives('收到的衣服有点问题', buyer);
    const placed = await conversation(arrival.id);
    assert.equal(placed.group, 'aftersale');
    assert.equal(placed.assigneeId, after.id);
  });

  it('a returning buyer goes back to their last agent within the sticky hours, even when others are less busy', async () => {
    const first = arrivals[0]!;
    const served = await conversation(first.id);
    const agent = agents.find((a) => a.id === served.assigneeId)!;
    clock += 60_000;
    await api(server.url, 'POST', `/api/v1/conversations/${first.id}/close`, { token: agent.token });
    // Their slot went to the next queued buyer; give them room again so stickiness can show.
    const patched = await api(server.url, 'PATCH', `/api/v1/team/agents/${agent.id}`, {
      token: owner.token,
      body: { capacity: 5 },
    });
    assert.equal(patched.status, 200);
    clock += 3600_000;
    assert.equal((await buyerSays(server.url, first.buyer.token, '我又来了，上次那件还有货吗')).status, 201);
    await until(async () => (await conversation(first.id)).assigneeId === agent.id);
  });

  it('transfer with a note: the colleague has the buyer and reads the note first; the buyer reads a system line', async () => {
    const [a, b] = [agents[0]!, agents[1]!];
    const theirs = (await Promise.all(arrivals.map((x) => conversation(x.id)))).find((x) => x.assigneeId === a.id)!;
    const widget = arrivals.find((x) => x.id === theirs.id)!.widget;
    await api(server.url, 'PATCH', `/api/v1/team/agents/${b.id}`, { token: owner.token, body: { capacity: 10 } });
    const response = await api(server.url, 'POST', `/api/v1/conversations/${theirs.id}/transfer`, {
      token: a.token,
      body: { toAgentId: b.id, note: '买家想改地址，订单已付款' },
    });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const moved = await conversation(theirs.id);
    assert.equal(moved.assigneeId, b.id);
    assert.equal(moved.handoff?.note, '买家想改地址，订单已付款');
    assert.equal(moved.handoff?.fromAgent?.id, a.id);
    const line = await widget.nextOfType(
      'message.created',
      (f) => f.message.sender === 'system' && f.message.body.includes('转接'),
    );
    assert.match(line.message.body, /已为您转接至pre-b/);
    assert.ok(!line.message.body.includes('改地址'), 'the note is for the colleague, not the buyer');
    await b.stream.nextOfType(
      'conversation.updated',
      (f) => f.conversation.id === theirs.id && f.conversation.assigneeId === b.id,
    );
  });

  it('a buyer left without a first reply for 100 s goes to the next agent, and both agents are told', async () => {
    const b = agents[1]!;
    await api(server.url, 'PATCH', `/api/v1/team/agents/${agents[0]!.id}`, { token: owner.token, body: { capacity: 10 } });
    await api(server.url, 'PATCH', `/api/v1/team/agents/${agents[2]!.id}`, { token: owner.token, body: { capacity: 10 } });
    clock += 10_000;
    const arrival = await buyerArrives('在吗？这个能便宜点吗');
    const served = await conversation(arrival.id);
    assert.ok(served.assigneeId);
    const first = agents.find((x) => x.id === served.assigneeId)!;
    clock += 99_000;
    await server.app.jobs.runDue();
    assert.equal((await conversation(arrival.id)).assigneeId, first.id, 'not yet at 99 s');
    clock += 2_000;
    await server.app.jobs.runDue();
    const moved = await conversation(arrival.id);
    assert.ok(moved.assigneeId && moved.assigneeId !== first.id, 'another agent has the buyer');
    assert.equal(moved.handoff?.kind, 'reassigned');
    const told = await first.stream.nextOfType('conversation.reassigned', (f) => f.conversationId === arrival.id);
    assert.equal(told.fromAgentId, first.id);
    assert.equal(told.toAgentId, moved.assigneeId);
    const next = agents.find((x) => x.id === moved.assigneeId) ?? b;
    await next.stream.nextOfType('conversation.reassigned', (f) => f.conversationId === arrival.id);
  });

  it('a buyer whose agent is the only one at work of the group stays with them after 100 s (nudged, not bounced)', async () => {
    const before = (
      await api<{ routing: RoutingSettings }>(server.url, 'GET', '/api/v1/settings/routing', { token: owner.token })
    ).body.routing;
    await api(server.url, 'PUT', '/api/v1/settings/routing', {
      token: owner.token,
      body: {
        ...before,
        groups: [...before.groups, { key: 'solo', name: '独立组' }],
        rules: [{ group: 'solo', keywords: ['定制'] }],
      },
    });
    const solo = await onlineAgent('solo-a', 'presale', 3);
    await api(server.url, 'PATCH', `/api/v1/team/agents/${solo.id}`, { token: owner.token, body: { groups: ['solo'] } });
    clock += 5_000;
    const arrival = await buyerArrives('想做个定制款');
    assert.equal((await conversation(arrival.id)).assigneeId, solo.id);
    clock += 101_000;
    await server.app.jobs.runDue();
    assert.equal((await conversation(arrival.id)).assigneeId, solo.id, 'nobody else could take them');
    await solo.stream.nextOfType(
      'routing.alert',
      (f) => f.conversationId === arrival.id && f.level === 'agent' && f.agentId === solo.id,
    );
    await api(server.url, 'PUT', '/api/v1/settings/routing', { token: owner.token, body: { ...before, rules: [] } });
  });

  it('an agent on the API alone (signed in, no stream) takes buyers until they say 离线', async () => {
    const before = (
      await api<{ routing: RoutingSettings }>(server.url, 'GET', '/api/v1/settings/routing', { token: owner.token })
    ).body.routing;
    await api(server.url, 'PUT', '/api/v1/settings/routing', {
      token: owner.token,
      body: {
        ...before,
        groups: [...before.groups, { key: 'api', name: '接口组' }],
        rules: [{ group: 'api', keywords: ['接口'] }],
      },
    });
    const created = await api<{ agent: { id: string } }>(server.url, 'POST', '/api/v1/team/agents', {
      token: owner.token,
      body: { username: 'api-agent', name: 'api-agent', role: 'presale', password: 'agent-password-1' },
    });
    await api(server.url, 'PATCH', `/api/v1/team/agents/${created.body.agent.id}`, {
      token: owner.token,
      body: { groups: ['api'] },
    });
    const { token } = await loginAgent(server.url, 'api-agent', 'agent-password-1');
    const team = await api<{ agents: { id: string; status: string }[] }>(server.url, 'GET', '/api/v1/team/agents', {
      token: owner.token,
    });
    assert.equal(team.body.agents.find((a) => a.id === created.body.agent.id)?.status, 'online', 'signed in: at work');
    clock += 5_000;
    const first = await buyerArrives('接口问题一');
    assert.equal((await conversation(first.id)).assigneeId, created.body.agent.id);

    assert.equal((await api(server.url, 'PUT', '/api/v1/me/status', { token, body: { status: 'offline' } })).status, 200);
    clock += 5_000;
    const second = await buyerArrives('接口问题二');
    assert.notEqual((await conversation(second.id)).assigneeId, created.body.agent.id, '离线 takes nobody');
    await api(server.url, 'PUT', '/api/v1/settings/routing', { token: owner.token, body: { ...before, rules: [] } });
  });

  it('bad input: capacity 0 or 1,000, a transfer to an unknown agent, a rule with an empty or unknown group — clear errors, nothing changed', async () => {
    const a = agents[0]!;
    for (const capacity of [0, 1000]) {
      const response = await api<{ error: { code: string; message: string } }>(
        server.url,
        'PATCH',
        `/api/v1/team/agents/${a.id}`,
        {
          token: owner.token,
          body: { capacity },
        },
      );
      assert.equal(response.status, 400, `capacity ${capacity}`);
      assert.match(response.body.error.message, /capacity/);
    }
    const team = await api<{ agents: { id: string; capacity: number }[] }>(server.url, 'GET', '/api/v1/team/agents', {
      token: owner.token,
    });
    assert.equal(team.body.agents.find((x) => x.id === a.id)?.capacity, 10, 'the capacity stayed');

    const theirs = (await Promise.all(arrivals.map((x) => conversation(x.id)))).find((x) => x.assigneeId === a.id)!;
    // why: no API opens a second shop on a running server (setup runs once).
    const db = server.app.context.storage.db;
    const otherShop = randomUUID();
    const otherAgent = randomUUID();
    await db
      .insertInto('shops')
      .values({ id: otherShop, slug: 'other-routing', name: '别家小店', created_at: new Date().toISOString() })
      .execute();
    await db
      .insertInto('agents')
      .values({
        id: otherAgent,
        shop_id: otherShop,
        username: 'their-agent',
        name: '别家客服',
        role: 'presale',
        password_hash: 'x',
        created_at: new Date().toISOString(),
      })
      .execute();
    const elsewhere = await api<{ error: { code: string } }>(server.url, 'POST', `/api/v1/conversations/${theirs.id}/transfer`, {
      token: a.token,
      body: { toAgentId: otherAgent, note: '' },
    });
    assert.equal(elsewhere.status, 404);
    assert.equal((await conversation(theirs.id)).assigneeId, a.id, 'still theirs');

    const before = await api<{ routing: RoutingSettings }>(server.url, 'GET', '/api/v1/settings/routing', { token: owner.token });
    const emptyGroup = await api<{ error: { code: string } }>(server.url, 'PUT', '/api/v1/settings/routing', {
      token: owner.token,
      body: { ...before.body.routing, rules: [{ group: '', keywords: ['改地址'] }] },
    });
    assert.equal(emptyGroup.status, 400);
    const unknownGroup = await api<{ error: { code: string; message: string } }>(server.url, 'PUT', '/api/v1/settings/routing', {
      token: owner.token,
      headers: { 'accept-language': 'zh-CN' },
      body: { ...before.body.routing, rules: [{ group: 'nobody', keywords: ['改地址'] }] },
    });
    assert.equal(unknownGroup.status, 400);
    assert.equal(unknownGroup.body.error.code, 'routing_group_unknown');
    assert.match(unknownGroup.body.error.message, /nobody/);
    const afterwards = await api<{ routing: RoutingSettings }>(server.url, 'GET', '/api/v1/settings/routing', {
      token: owner.token,
    });
    assert.deepEqual(afterwards.body.routing, before.body.routing);
  });

  it('rules pick the group: on 11-11 order-edit words go to 辅助, the day before they do not; a product-page buyer can have their own group', async () => {
    const before = (
      await api<{ routing: RoutingSettings }>(server.url, 'GET', '/api/v1/settings/routing', { token: owner.token })
    ).body.routing;
    const saved = await api<{ routing: RoutingSettings }>(server.url, 'PUT', '/api/v1/settings/routing', {
      token: owner.token,
      body: {
        ...before,
        groups: [...before.groups, { key: 'vip', name: '大客户组', strategy: 'round_robin' }],
        rules: [
          {
            name: '双11改单',
            group: 'support',
            keywords: ['改地址', '改颜色'],
            from: '2026-11-11T00:00',
            to: '2026-11-12T00:00',
          },
          { name: '商品页咨询', group: 'vip', entry: 'product' },
        ],
      },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.ok(
      saved.body.routing.rules.every((rule) => rule.id),
      'rules get ids',
    );

    clock = china('2026-11-10T20:00:00');
    const dayBefore = await buyerArrives('我想改地址');
    assert.equal((await conversation(dayBefore.id)).group, 'presale');
    clock = china('2026-11-11T09:30:00');
    const onTheDay = await buyerArrives('亲，能帮我改地址吗');
    assert.equal((await conversation(onTheDay.id)).group, 'support');

    const browsing = await startBuyer(server.url);
    const products = await api<{ products: { id: string }[] }>(server.url, 'GET', '/api/v1/shops/demo/products');
    await api(server.url, 'POST', '/api/v1/widget/footprints', {
      token: browsing.token,
      body: { productId: products.body.products[0]!.id },
    });
    const fromProduct = await buyerArrives('这件有M码吗', browsing);
    assert.equal((await conversation(fromProduct.id)).group, 'vip');
    await api(server.url, 'PUT', '/api/v1/settings/routing', { token: owner.token, body: { ...before, rules: [] } });
  });

  it('nobody with room: the buyer queues and the busy auto-reply answers them', async () => {
    const rules = await api<{ rules: { id: string; kind: string }[] }>(server.url, 'GET', '/api/v1/auto-replies', {
      token: owner.token,
    });
    const busy = rules.body.rules.find((rule) => rule.kind === 'busy')!;
    const enabled = await api(server.url, 'PUT', `/api/v1/auto-replies/${busy.id}`, {
      token: owner.token,
      body: { ...busy, enabled: true },
    });
    assert.equal(enabled.status, 200, JSON.stringify(enabled.body));
    const team = await api<{ agents: { id: string; load: number; groups: string[] }[] }>(
      server.url,
      'GET',
      '/api/v1/team/agents',
      {
        token: owner.token,
      },
    );
    for (const agent of team.body.agents.filter((a) => a.groups.includes('presale'))) {
      await api(server.url, 'PATCH', `/api/v1/team/agents/${agent.id}`, {
        token: owner.token,
        body: { capacity: Math.max(1, agent.load) },
      });
    }
    const arrival = await buyerArrives('在吗在吗');
    const placed = await conversation(arrival.id);
    assert.equal(placed.assigneeId, null);
    assert.ok(placed.queuePosition && placed.queuePosition >= 1);
    const reply = await arrival.widget.nextOfType('message.created', (f) => f.message.sender === 'bot');
    assert.match(reply.message.body, /咨询的买家较多/);
  });
});
