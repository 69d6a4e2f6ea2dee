// The 设置 page's server side: the list of received store events (what happened to each), and 发送测试 for a webhook.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type {
  ErrorEnvelope,
  InboundEventResult,
  IntegrationSettings,
  ListDeliveriesResponse,
  ListInboundEventsResponse,
  WebhookResponse,
  WebhookTestResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { checkSignature, signPayload } from '../src/platform/security/hmac-signature.js';
import { api, loginAgent } from './helpers/clients.js';
import { addOtherShop } from './helpers/other-shop.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './helpers/test-server.js';

describe('settings: received events and webhook test deliveries', () => {
  let server: TestServer;
  let owner: { token: string };
  let otherOwner: { token: string };
  // Each push moves the server's clock on a second, so "newest first" never rests on two events sharing a millisecond.
  let offsetMs = 0;

  before(async () => {
    // 发送测试 goes to a receiver on loopback, which webhooks may reach only with the self-hoster's switch on.
    server = await startTestServer({ now: () => new Date(Date.now() + offsetMs), env: { WEBHOOK_ALLOW_PRIVATE_NETWORK: '1' } });
    owner = await loginAgent(server.url, 'owner');
    // A second shop with its own events, to prove the list never crosses shops.
    otherOwner = (await addOtherShop(server)).owner;
  });
  after(() => server.close());

  /** Posts a signed event to a shop the way its system would. */
  async function push(shop: string, token: string, event: object) {
    const secret = (await api<IntegrationSettings>(server.url, 'GET', '/api/v1/integration', { token })).body.inboundSecret;
    const body = JSON.stringify(event);
    offsetMs += 1000;
    return api<InboundEventResult>(server.url, 'POST', `/api/v1/integrations/${shop}/events`, {
      raw: body,
      headers: {
        'content-type': 'application/json',
        'x-golddesk-signature': signPayload(secret, body, Math.floor((Date.now() + offsetMs) / 1000)),
      },
    });
  }
  const event = (type: string, data: object) => ({ id: `evt-${randomUUID()}`, type, occurredAt: new Date().toISOString(), data });
  const order = (orderNo: string) =>
    event('order.upserted', {
      orderNo,
      buyer: { externalId: `cust-${orderNo}`, nick: '同步买家' },
      totalFen: 9900,
      items: [{ title: '保湿面膜', skuProps: {}, priceFen: 9900, quantity: 1 }],
      receiver: { name: '王女士', phone: '13900002222', address: '杭州市西湖区文三路 1 号' },
      placedAt: new Date().toISOString(),
    });
  const events = <T = z.infer<typeof ListInboundEventsResponse>>(token: string) =>
    api<T>(server.url, 'GET', '/api/v1/integration/events', { token });

  it("lists the shop's received events newest first with what happened to each: applied, waiting for the order, ignored", async () => {
    const placed = order('SET-1');
    assert.equal((await push('demo', owner.token, placed)).body.status, 'applied');
    const early = event('order.paid', { orderNo: 'SET-2', paidAt: new Date().toISOString() });
    assert.equal((await push('demo', owner.token, early)).body.status, 'parked');
    const closed = event('order.closed', { orderNo: 'SET-1', reason: '买家不想要了', closedAt: new Date().toISOString() });
    assert.equal((await push('demo', owner.token, closed)).body.status, 'applied');
    const late = event('order.paid', { orderNo: 'SET-1', paidAt: new Date().toISOString() });
    assert.equal((await push('demo', owner.token, late)).body.status, 'ignored');
    assert.equal((await push('demo', owner.token, late)).body.status, 'duplicate', 'a repeat is answered, not stored again');

    const res = await events(owner.token);
    assert.equal(res.status, 200);
    const list = res.body.events;
    assert.deepEqual(
      list.slice(0, 4).map((e) => [e.id, e.status]),
      [
        [late.id, 'ignored'],
        [closed.id, 'applied'],
        [early.id, 'parked'],
        [placed.id, 'applied'],
      ],
    );
    assert.equal(list.filter((e) => e.id === late.id).length, 1);
    assert.equal(list[0]!.type, 'order.paid');
    assert.equal(list[0]!.orderNo, 'SET-1');
    assert.match(list[0]!.note ?? '', /已关闭/);
    assert.match(list[2]!.note ?? '', /尚未同步/);
    assert.ok(list.every((e, i) => i === 0 || e.receivedAt <= list[i - 1]!.receivedAt));
    assert.ok(!('payload' in list[0]!) && !('payloadJson' in list[0]!), 'the raw payload stays on the server');
  });

  it('shows the latest 50 only', async () => {
    for (let i = 0; i < 52; i += 1)
      await push('demo', owner.token, event('order.completed', { orderNo: `LOT-${i}`, completedAt: new Date().toISOString() }));
    const list = (await events(owner.token)).body.events;
    assert.equal(list.length, 50);
    assert.equal(list[0]?.orderNo, 'LOT-51');
  });

  it('is for owners and managers: other roles get 403, and each shop sees only its own events', async () => {
    for (const username of ['presale1', 'aftersale1', 'support1']) {
      const agent = await loginAgent(server.url, username);
      const res = await events<ErrorEnvelope>(agent.token);
      assert.equal(res.status, 403, username);
      assert.equal(res.body.error.code, 'forbidden');
    }
    const added = await api(server.url, 'POST', '/api/v1/team/agents', {
      token: owner.token,
      body: { username: 'manager1', name: '主管', role: 'manager', password: DEMO_PASSWORD },
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const asManager = await events((await loginAgent(server.url, 'manager1')).token);
    assert.equal(asManager.status, 200);
    assert.equal(asManager.body.events.length, 50);
    assert.equal((await api(server.url, 'GET', '/api/v1/integration/events')).status, 401);

    assert.deepEqual((await events(otherOwner.token)).body.events, [], 'the other shop has received nothing');
    const theirs = order('OTHER-1');
    assert.equal((await push('other', otherOwner.token, theirs)).body.status, 'applied');
    assert.deepEqual(
      (await events(otherOwner.token)).body.events.map((e: { id: string }) => e.id),
      [theirs.id],
    );
    assert.ok(!(await events(owner.token)).body.events.some((e: { id: string }) => e.id === theirs.id));
  });

  describe('发送测试', () => {
    let receiver: Server;
    let port = 0;
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    before(async () => {
      receiver = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          received.push({ headers: req.headers, body });
          res.writeHead(200).end('ok');
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      port = (receiver.address() as { port: number }).port;
    });
    after(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

    it('sends a signed ping to the webhook at once and lists it with its deliveries', async () => {
      const created = await api<z.infer<typeof WebhookResponse>>(server.url, 'POST', '/api/v1/webhooks', {
        token: owner.token,
        body: { url: `http://127.0.0.1:${port}/hook`, events: ['order.updated'] },
      });
      const { id, secret } = created.body.webhook;
      const res = await api<z.infer<typeof WebhookTestResponse>>(server.url, 'POST', `/api/v1/webhooks/${id}/test`, {
        token: owner.token,
      });
      assert.equal(res.status, 201);
      assert.equal(res.body.delivery.eventType, 'ping');
      await until(() => received.length > 0);
      const payload = JSON.parse(received[0]!.body);
      assert.equal(payload.type, 'ping');
      assert.equal(payload.id, res.body.delivery.id);
      assert.equal(received[0]!.headers['x-golddesk-event'], 'ping');
      assert.equal(
        checkSignature(
          secret,
          received[0]!.body,
          received[0]!.headers['x-golddesk-signature'] as string,
          Math.floor(Date.now() / 1000),
        ),
        'ok',
      );
      const deliveries = async () =>
        (
          await api<z.infer<typeof ListDeliveriesResponse>>(server.url, 'GET', `/api/v1/webhooks/${id}/deliveries`, {
            token: owner.token,
          })
        ).body.deliveries;
      await until(async () => (await deliveries())[0]?.status === 'delivered');
      const [ping] = await deliveries();
      assert.deepEqual([ping?.eventType, ping?.attempts, ping?.lastStatus], ['ping', 1, 200]);
    });

    it("is refused to other roles and for another shop's webhook", async () => {
      const created = await api<z.infer<typeof WebhookResponse>>(server.url, 'POST', '/api/v1/webhooks', {
        token: owner.token,
        body: { url: `http://127.0.0.1:${port}/x`, events: ['message.created'] },
      });
      const presale = await loginAgent(server.url, 'presale1');
      assert.equal(
        (await api(server.url, 'POST', `/api/v1/webhooks/${created.body.webhook.id}/test`, { token: presale.token })).status,
        403,
      );
      const foreign = await api<ErrorEnvelope>(server.url, 'POST', `/api/v1/webhooks/${created.body.webhook.id}/test`, {
        token: otherOwner.token,
      });
      assert.equal(foreign.status, 404);
      assert.equal(foreign.body.error.code, 'not_found');
      assert.equal((await api(server.url, 'POST', '/api/v1/webhooks/nope/test', { token: owner.token })).status, 404);
    });
  });
});

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
