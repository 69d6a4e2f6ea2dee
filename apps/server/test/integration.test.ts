import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type {
  ErrorEnvelope,
  InboundEventResult,
  IntegrationSettings,
  ListAuditResponse,
  ListDeliveriesResponse,
  ListProductsResponse,
  WebhookResponse,
  WidgetOrdersResponse,
  WidgetSessionResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { signIdentity, signPayload } from '../src/platform/security/hmac-signature.js';
import { api, loginAgent, until } from './helpers/clients.js';
import { allOrders } from './helpers/lookups.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe('store integration: signed inbound events', () => {
  let server: TestServer;
  let owner: { token: string };
  let secret: string;
  before(async () => {
    server = await startTestServer();
    owner = await loginAgent(server.url, 'owner');
    const settings = await api<IntegrationSettings>(server.url, 'GET', '/api/v1/integration', { token: owner.token });
    secret = settings.body.inboundSecret;
  });
  after(() => server.close());

  /** Posts an event the way an integrator would: exact bytes, signed. */
  async function push<T = InboundEventResult>(event: object, options: { secret?: string; at?: number; tamper?: boolean } = {}) {
    const body = JSON.stringify(event);
    const t = options.at ?? Math.floor(Date.now() / 1000);
    const signature = signPayload(options.secret ?? secret, body, t);
    return api<T>(server.url, 'POST', '/api/v1/integrations/demo/events', {
      raw: options.tamper ? body.replace('"', ' "') : body,
      headers: { 'content-type': 'application/json', 'x-golddesk-signature': signature },
    });
  }
  const event = (type: string, data: object, occurredAt = new Date().toISOString()) => ({
    id: randomUUID(),
    type,
    occurredAt,
    data,
  });
  const orderEvent = (orderNo: string) =>
    event('order.upserted', {
      orderNo,
      buyer: { externalId: `cust-${orderNo}`, nick: '同步买家', phone: '13900001111' },
      totalFen: 25900,
      items: [{ title: '法式复古碎花连衣裙', skuProps: { 颜色: '蓝色碎花', 尺码: 'M' }, priceFen: 25900, quantity: 1 }],
      receiver: { name: '李女士', phone: '13900001111', province: '浙江省', address: '杭州市西湖区文三路 88 号' },
      placedAt: '2026-11-11T02:00:00.000Z',
    });
  /** The order with this number as the owner finds it in its buyer's profile (undefined when there is none). */
  const ordersByNo = async (orderNo: string) =>
    (await allOrders(server.url, owner.token)).filter(({ order }) => order.orderNo === orderNo).map(({ order }) => order);
  const orderByNo = async (orderNo: string) => (await ordersByNo(orderNo))[0];

  it('shows the endpoint and secrets to owners and managers only', async () => {
    const presale = await loginAgent(server.url, 'presale1');
    assert.equal((await api(server.url, 'GET', '/api/v1/integration', { token: presale.token })).status, 403);
    const settings = (await api<IntegrationSettings>(server.url, 'GET', '/api/v1/integration', { token: owner.token })).body;
    assert.equal(settings.eventsUrl, '/api/v1/integrations/demo/events');
    assert.match(settings.inboundSecret, /^whsec_/);
  });

  it('refuses a bad signature, a tampered body, a stale timestamp and an unknown shop with 401, changing nothing', async () => {
    const e = orderEvent('SIG-1');
    assert.equal((await push(e, { secret: 'whsec_wrong' })).status, 401);
    assert.equal((await push(e, { tamper: true })).status, 401);
    const stale = await push<ErrorEnvelope>(e, { at: Math.floor(Date.now() / 1000) - 3600 });
    assert.equal(stale.status, 401);
    assert.equal(stale.body.error.code, 'stale_signature');
    const unsigned = await api(server.url, 'POST', '/api/v1/integrations/demo/events', { body: e });
    assert.equal(unsigned.status, 401);
    const otherShop = await api(server.url, 'POST', '/api/v1/integrations/nope/events', { body: e });
    assert.equal(otherShop.status, 401);
    assert.equal(await orderByNo('SIG-1'), undefined);
  });

  it('creates an order once however often the same event arrives', async () => {
    const e = orderEvent('DUP-1');
    assert.deepEqual((await push(e)).body, { status: 'applied' });
    assert.deepEqual((await push(e)).body, { status: 'duplicate' });
    const again = await Promise.all([push(e), push(e)]);
    assert.ok(again.every((r) => r.body.status === 'duplicate'));
    assert.equal((await ordersByNo('DUP-1')).length, 1);
    const order = (await orderByNo('DUP-1'))!;
    assert.equal(order.status, 'pending_payment');
    assert.equal(order.receiver.address, '浙江省杭州市西湖区文三路 88 号');
  });

  it('handles a shipment that arrives before its payment: shipped, payment inferred, then corrected by the late payment', async () => {
    await push(orderEvent('OOO-1'));
    const shipped = await push(
      event('order.shipped', {
        orderNo: 'OOO-1',
        carrier: '圆通速递',
        trackingNo: 'YT1234567890',
        shippedAt: '2026-11-12T08:00:00.000Z',
      }),
    );
    assert.equal(shipped.body.status, 'applied');
    let order = (await orderByNo('OOO-1'))!;
    assert.equal(order.status, 'shipped');
    assert.equal(order.paidAt, '2026-11-12T08:00:00.000Z', 'payment implied by the shipment');
    assert.equal(order.trackingNo, 'YT1234567890');
    const paid = await push(event('order.paid', { orderNo: 'OOO-1', paidAt: '2026-11-11T03:00:00.000Z' }));
    assert.equal(paid.body.status, 'applied');
    order = (await orderByNo('OOO-1'))!;
    assert.equal(order.status, 'shipped', 'a late payment does not move the order back');
    assert.equal(order.paidAt, '2026-11-11T03:00:00.000Z', 'but its real time is kept');
    await push(
      event('tracking.updated', {
        orderNo: 'OOO-1',
        status: 'out_for_delivery',
        description: '快递员正在派件',
        location: '杭州',
        occurredAt: '2026-11-13T01:00:00.000Z',
      }),
    );
    await push(
      event('tracking.updated', {
        orderNo: 'OOO-1',
        status: 'signed',
        description: '已签收，签收人：本人',
        occurredAt: '2026-11-13T05:00:00.000Z',
      }),
    );
    order = (await orderByNo('OOO-1'))!;
    assert.equal(order.status, 'signed');
    assert.equal(order.signedAt, '2026-11-13T05:00:00.000Z');
    const closeLate = await push(
      event('order.closed', { orderNo: 'OOO-1', reason: '超时未付款', closedAt: '2026-11-11T02:30:00.000Z' }),
    );
    assert.equal(closeLate.body.status, 'ignored');
    assert.equal((await orderByNo('OOO-1'))!.status, 'signed');
  });

  it('parks events for an order not synced yet and applies them, in time order, when it arrives', async () => {
    const early = await push(
      event('order.shipped', {
        orderNo: 'LATE-1',
        carrier: '中通快递',
        trackingNo: '75000111222',
        shippedAt: '2026-11-12T09:00:00.000Z',
      }),
    );
    assert.equal(early.body.status, 'parked');
    assert.equal(
      (await push(event('order.paid', { orderNo: 'LATE-1', paidAt: '2026-11-11T04:00:00.000Z' }))).body.status,
      'parked',
    );
    assert.equal(await orderByNo('LATE-1'), undefined);
    await push(orderEvent('LATE-1'));
    const order = (await orderByNo('LATE-1'))!;
    assert.equal(order.status, 'shipped');
    assert.equal(order.paidAt, '2026-11-11T04:00:00.000Z');
    assert.equal(order.trackingNo, '75000111222');
    const { entries } = (
      await api<z.infer<typeof ListAuditResponse>>(server.url, 'GET', `/api/v1/audit?targetType=order&targetId=${order.id}`, {
        token: owner.token,
      })
    ).body;
    assert.deepEqual(entries.map((e: { action: string }) => e.action).sort(), [
      'integration.order.paid',
      'integration.order.shipped',
      'integration.order.upserted',
    ]);
    assert.ok(entries.every((e: { actor: { kind: string } }) => e.actor.kind === 'integration'));
  });

  it("upserts products with SKUs by the shop's own ids, and refuses malformed events with 400", async () => {
    const product = (title: string, stock: number, weightG?: number) =>
      event('product.upserted', {
        externalId: 'SPU-9',
        title,
        category: '服饰',
        priceFen: 9900,
        skus: [{ props: { 颜色: '白色', 尺码: 'M' }, priceFen: 9900, stock }],
        ...(weightG ? { weightG } : {}),
      });
    assert.equal((await push(product('新款T恤', 10, 300))).body.status, 'applied');
    assert.equal((await push(product('新款T恤（加厚）', 3))).body.status, 'applied');
    const { products } = (await api<ListProductsResponse>(server.url, 'GET', '/api/v1/shops/demo/products?limit=50')).body;
    const found = products.filter((p: { title: string }) => p.title.startsWith('新款T恤'));
    assert.equal(found.length, 1);
    assert.equal(found[0]?.title, '新款T恤（加厚）');
    assert.equal(found[0]?.skus.length, 1);
    assert.equal(found[0]?.skus[0]?.stock, 3);
    assert.equal(found[0]?.weightG, 300, 'an event without a weight keeps the one given before');
    const bad = await push<ErrorEnvelope>({
      id: randomUUID(),
      type: 'order.paid',
      occurredAt: new Date().toISOString(),
      data: { orderNo: 'X' },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'invalid_input');
  });

  it('stops accepting the old secret once the owner rotates it', async () => {
    const rotated = (await api<IntegrationSettings>(server.url, 'POST', '/api/v1/integration/rotate', { token: owner.token }))
      .body;
    assert.notEqual(rotated.inboundSecret, secret);
    assert.equal((await push(orderEvent('ROT-1'))).status, 401);
    secret = rotated.inboundSecret;
    assert.equal((await push(orderEvent('ROT-1'))).status, 200);
  });
});

describe('widget identity verification', () => {
  let server: TestServer;
  let identitySecret: string;
  before(async () => {
    server = await startTestServer();
    const owner = await loginAgent(server.url, 'owner');
    identitySecret = (await api<IntegrationSettings>(server.url, 'GET', '/api/v1/integration', { token: owner.token })).body
      .identitySecret;
  });
  after(() => server.close());

  const session = <T = WidgetSessionResponse>(body: object) =>
    api<T>(server.url, 'POST', '/api/v1/widget/sessions', { body: { shop: 'demo', ...body } });

  it("makes a signed visitor the shop's known customer, who sees their orders; an anonymous one does not", async () => {
    const owner = await loginAgent(server.url, 'owner');
    const buyer = (await allOrders(server.url, owner.token))[0]!.buyer;
    // why: plays a customer the shop's system already knows as member-42; only a signed session (tested here) or a
    // store event sets a customer id.
    const db = server.app.context.storage.db;
    await db.updateTable('buyers').set({ external_id: 'member-42' }).where('id', '=', buyer.id).execute();
    const t = Math.floor(Date.now() / 1000);
    const verified = await session({
      visitorId: 'any-browser-0001',
      identity: { externalId: 'member-42', timestamp: t, signature: signIdentity(identitySecret, 'member-42', t) },
    });
    assert.equal(verified.status, 200);
    assert.equal(verified.body.buyer.id, buyer.id, "the shop's customer, not a new visitor");
    assert.equal(verified.body.buyer.verified, true);
    const orders = await api<z.infer<typeof WidgetOrdersResponse>>(server.url, 'GET', '/api/v1/widget/orders', {
      token: verified.body.token,
    });
    assert.ok(orders.body.orders.length >= 1);

    const anonymous = await session({ visitorId: 'any-browser-0002' });
    assert.equal(anonymous.body.buyer.verified, false);
    const refused = await api<ErrorEnvelope>(server.url, 'GET', '/api/v1/widget/orders', { token: anonymous.body.token });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'identity_required');
    const card = await api(server.url, 'POST', '/api/v1/widget/messages', {
      token: anonymous.body.token,
      body: { kind: 'order', orderId: orders.body.orders[0]?.id, clientMsgId: randomUUID() },
    });
    assert.equal(card.status, 403);
  });

  it('refuses a forged or expired identity instead of quietly treating it as someone', async () => {
    const t = Math.floor(Date.now() / 1000);
    const forged = await session({
      identity: { externalId: 'member-42', timestamp: t, signature: signIdentity('idsec_guess', 'member-42', t) },
    });
    assert.equal(forged.status, 401);
    const old = t - 3 * 24 * 3600;
    const expired = await session<ErrorEnvelope>({
      identity: { externalId: 'member-42', timestamp: old, signature: signIdentity(identitySecret, 'member-42', old) },
    });
    assert.equal(expired.status, 401);
    assert.equal(expired.body.error.code, 'identity_expired');
    assert.match(expired.body.error.message, /24 小时/);
  });
});

describe('outgoing webhooks', () => {
  it("delivers signed events to the shop's URL once, and retries until it answers", async () => {
    const { createServer } = await import('node:http');
    const { checkSignature } = await import('../src/platform/security/hmac-signature.js');
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    let failuresLeft = 1;
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (failuresLeft-- > 0) return res.writeHead(503).end();
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as { port: number }).port;
    // A clock that can jump ahead, so the retry's back-off passes without waiting.
    let offset = 0;
    // The receiver listens on loopback, which webhooks may reach only with the self-hoster's switch on.
    const server = await startTestServer({
      now: () => new Date(Date.now() + offset),
      env: { WEBHOOK_ALLOW_PRIVATE_NETWORK: '1' },
    });
    try {
      const owner = await loginAgent(server.url, 'owner');
      const presale = await loginAgent(server.url, 'presale1');
      assert.equal(
        (
          await api(server.url, 'POST', '/api/v1/webhooks', {
            token: presale.token,
            body: { url: `http://127.0.0.1:${port}/hook`, events: ['message.created'] },
          })
        ).status,
        403,
      );
      const created = await api<z.infer<typeof WebhookResponse>>(server.url, 'POST', '/api/v1/webhooks', {
        token: owner.token,
        body: { url: `http://127.0.0.1:${port}/hook`, events: ['message.created', 'order.updated'] },
      });
      assert.equal(created.status, 201);
      const { secret, id } = created.body.webhook;
      const { startBuyer, buyerSays } = await import('./helpers/clients.js');
      const buyer = await startBuyer(server.url);
      await buyerSays(server.url, buyer.token, '有人吗？webhook');
      const deliveries = async () =>
        (
          await api<z.infer<typeof ListDeliveriesResponse>>(server.url, 'GET', `/api/v1/webhooks/${id}/deliveries`, {
            token: owner.token,
          })
        ).body.deliveries;
      await until(async () => (await deliveries()).some((d: { attempts: number }) => d.attempts >= 1));
      const first = (await deliveries())[0];
      assert.equal(first?.status, 'pending', 'the 503 is retried, not dropped');
      assert.equal(first?.lastStatus, 503);
      offset += 60_000;
      await until(async () => received.length > 0);
      assert.equal(received.length, 1);
      const payload = JSON.parse(received[0]!.body);
      assert.equal(payload.type, 'message.created');
      assert.equal(payload.data.message.body, '有人吗？webhook');
      assert.equal(received[0]!.headers['x-golddesk-event'], 'message.created');
      const signature = received[0]!.headers['x-golddesk-signature'] as string;
      assert.equal(checkSignature(secret, received[0]!.body, signature, Math.floor(Date.now() / 1000)), 'ok');
      assert.equal((await deliveries())[0]?.status, 'delivered');
    } finally {
      await server.close();
      receiver.close();
    }
  });
});
