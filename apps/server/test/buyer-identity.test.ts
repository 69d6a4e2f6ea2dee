// Issue 8, items 1–3: a visitor id is never a credential for a buyer it did not create; a visitor cannot pre-claim the
// shop's customers (by visitor id or by nick); a buyer's order view never carries the seller's 备注.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type {
  CustomerProfile,
  ImportResponse,
  InboundEventResult,
  IntegrationSettings,
  ListConversationsResponse,
  ListMessagesResponse,
  WidgetOrdersResponse,
  WidgetSessionResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { signPayload } from '../src/platform/security/hmac-signature.js';
import { api, buyerSays, loginAgent, startBuyer, startDemoBuyer } from './helpers/clients.js';
import { allOrders } from './helpers/lookups.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe('buyer identity: visitor ids are not credentials', () => {
  let server: TestServer;
  let owner: { token: string };
  before(async () => {
    server = await startTestServer();
    owner = await loginAgent(server.url, 'owner');
  });
  after(() => server.close());

  const session = (body: object) =>
    api<WidgetSessionResponse>(server.url, 'POST', '/api/v1/widget/sessions', { body: { shop: 'demo', ...body } });
  const db = () => server.app.context.storage.db;

  it('does not hand a seeded, imported or synced buyer to whoever names their visitor id', async () => {
    // why: the seeded buyer behind this visitor id, without signing in as them (which would be the thing tested).
    const seeded = await db()
      .selectFrom('buyers')
      .select(['id', 'visitor_id'])
      .where('visitor_id', '=', 'demo-buyer-001')
      .executeTakeFirstOrThrow();
    for (const visitorId of ['demo-buyer-001', 'import-0123456789abcdef01234567', 'ext-C999']) {
      const opened = await session({ visitorId });
      assert.equal(opened.status, 200);
      assert.notEqual(opened.body.visitorId, visitorId, 'a new visitor gets a new id from the server');
      assert.notEqual(opened.body.buyer.id, seeded.id);
      assert.equal(opened.body.buyer.verified, false);
      const history = await api<ListMessagesResponse>(server.url, 'GET', '/api/v1/widget/messages?afterSeq=0', {
        token: opened.body.token,
      });
      assert.deepEqual(history.body.messages, [], `${visitorId}: an empty conversation, nobody's history`);
    }
  });

  it('resumes an anonymous visitor only with the secret it was given; a wrong or missing secret starts afresh', async () => {
    const first = await startBuyer(server.url);
    assert.ok(first.visitorSecret && first.visitorSecret.length >= 32, 'the server issues a secret');
    await buyerSays(server.url, first.token, '我的第一条消息');
    const again = await startBuyer(server.url, first);
    assert.equal(again.buyer.id, first.buyer.id);
    assert.equal(again.conversation.id, first.conversation.id);
    const history = await api<ListMessagesResponse>(server.url, 'GET', '/api/v1/widget/messages?afterSeq=0', {
      token: again.token,
    });
    assert.deepEqual(
      history.body.messages.map((m: { body: string }) => m.body),
      ['我的第一条消息'],
    );

    for (const visitorSecret of [undefined, 'x'.repeat(43), first.visitorSecret!.slice(0, -2) + 'AA']) {
      const other = await startBuyer(server.url, { visitorId: first.visitorId, visitorSecret });
      assert.notEqual(other.buyer.id, first.buyer.id);
      assert.notEqual(other.visitorId, first.visitorId);
      const empty = await api<ListMessagesResponse>(server.url, 'GET', '/api/v1/widget/messages?afterSeq=0', {
        token: other.token,
      });
      assert.deepEqual(empty.body.messages, []);
    }
    // why: the secret is stored hashed, never as given; no API shows what is stored.
    const row = await db()
      .selectFrom('buyers')
      .select('visitor_secret_hash')
      .where('id', '=', first.buyer.id)
      .executeTakeFirstOrThrow();
    assert.ok(row.visitor_secret_hash && !row.visitor_secret_hash.includes(first.visitorSecret!));
  });

  it("a verified customer is reached by the shop's signature only; their session carries no visitor secret", async () => {
    const verified = await startDemoBuyer(server.url, 'demo-buyer-002');
    assert.equal(verified.buyer.verified, true);
    assert.equal(verified.visitorSecret, undefined);
    // Their visitor id with any secret is still not them.
    const guess = await startBuyer(server.url, {
      visitorId: verified.visitorId.replace(/[^A-Za-z0-9_-]/g, '-').padEnd(8, '0'),
      visitorSecret: 'y'.repeat(43),
    });
    assert.notEqual(guess.buyer.id, verified.buyer.id);
  });

  it("a visitor who opened the chat as ext-C999 captures nothing: C999's orders sync to the real customer", async () => {
    const squatter = await session({ visitorId: 'ext-C999', nick: '假冒C999' });
    assert.equal(squatter.status, 200);
    const secret = (await api<IntegrationSettings>(server.url, 'GET', '/api/v1/integration', { token: owner.token })).body
      .inboundSecret;
    const push = (orderNo: string) => {
      const body = JSON.stringify({
        id: randomUUID(),
        type: 'order.upserted',
        occurredAt: new Date().toISOString(),
        data: {
          orderNo,
          buyer: { externalId: 'C999', nick: '真买家', phone: '13900009999' },
          totalFen: 9900,
          items: [{ title: '纯棉短袖T恤', skuProps: {}, priceFen: 9900, quantity: 1 }],
          receiver: { name: '真买家', phone: '13900009999', province: '浙江省', address: '杭州市余杭区 1 号' },
          placedAt: new Date().toISOString(),
        },
      });
      return api<InboundEventResult>(server.url, 'POST', '/api/v1/integrations/demo/events', {
        raw: body,
        headers: {
          'content-type': 'application/json',
          'x-golddesk-signature': signPayload(secret, body, Math.floor(Date.now() / 1000)),
        },
      });
    };
    for (const orderNo of ['C999-A', 'C999-B']) {
      const pushed = await push(orderNo);
      assert.equal(pushed.status, 200, JSON.stringify(pushed.body));
      assert.equal(pushed.body.status, 'applied');
    }
    const orders = (await allOrders(server.url, owner.token))
      .filter(({ order }) => ['C999-A', 'C999-B'].includes(order.orderNo))
      .map(({ buyer }) => ({ buyer_id: buyer.id }));
    assert.equal(orders.length, 2);
    assert.ok(
      orders.every((o) => o.buyer_id !== squatter.body.buyer.id),
      "never on the visitor's buyer",
    );
    const profile = await api<CustomerProfile>(server.url, 'GET', `/api/v1/customers/${squatter.body.buyer.id}`, {
      token: owner.token,
    });
    assert.deepEqual(profile.body.orders, []);
    assert.equal(profile.body.buyer.verified, false);
  });

  it("an order import never attaches a shop customer's orders to a visitor who chose the same nick", async () => {
    const impostor = await startBuyer(server.url, undefined, { nick: '导入真买家' });
    await buyerSays(server.url, impostor.token, '我要改地址');
    const csv = [
      '订单号,买家昵称,订单状态,商品名称,SKU属性,单价,数量,实付金额,收货人,手机,省份,收货地址,物流公司,运单号,下单时间,付款时间,发货时间,签收时间,成交时间,关闭时间,备注',
      'NICK-1,导入真买家,已付款,纯棉短袖T恤,颜色:黑色;尺码:M,129.00,1,129.00,王真,13811112222,浙江省,杭州市西湖区1号,,,2026-11-11 00:05:00,2026-11-11 00:06:00,,,,,',
    ].join('\n');
    const started = await api<ImportResponse>(server.url, 'POST', '/api/v1/imports?kind=orders', {
      token: owner.token,
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    let status = 'running';
    for (let i = 0; i < 200 && status === 'running'; i++) {
      status = (await api<ImportResponse>(server.url, 'GET', `/api/v1/imports/${started.body.import.id}`, { token: owner.token }))
        .body.import.status;
      if (status === 'running') await new Promise((r) => setTimeout(r, 50));
    }
    const order = (await allOrders(server.url, owner.token))
      .filter((found) => found.order.orderNo === 'NICK-1')
      .map(({ buyer }) => ({ buyer_id: buyer.id }))[0]!;
    assert.notEqual(order.buyer_id, impostor.buyer.id);
    const impostorProfile = await api<CustomerProfile>(server.url, 'GET', `/api/v1/customers/${impostor.buyer.id}`, {
      token: owner.token,
    });
    assert.deepEqual(impostorProfile.body.orders, [], "the impostor's right pane shows no orders of the real buyer");

    // The workbench can tell them apart: the visitor is unverified, the imported buyer is the shop's.
    const list = await api<ListConversationsResponse>(server.url, 'GET', '/api/v1/conversations', { token: owner.token });
    const mine = list.body.conversations.find((c: { buyer: { id: string } }) => c.buyer.id === impostor.buyer.id);
    assert.equal(mine?.buyer.verified, false);
    const realProfile = await api<CustomerProfile>(server.url, 'GET', `/api/v1/customers/${order.buyer_id}`, {
      token: owner.token,
    });
    assert.equal(realProfile.body.buyer.verified, true);
  });

  it("a buyer's own orders never carry the seller's memo or its flag", async () => {
    const buyer = await startDemoBuyer(server.url, 'demo-buyer-001');
    const mine = await api<z.infer<typeof WidgetOrdersResponse>>(server.url, 'GET', '/api/v1/widget/orders', {
      token: buyer.token,
    });
    assert.equal(mine.status, 200);
    const target = mine.body.orders[0]!;
    const memo = await api(server.url, 'POST', `/api/v1/orders/${target.id}/memo`, {
      token: owner.token,
      body: { memo: '买家要求用顺丰，已补运费差价', flag: 'red', requestId: randomUUID() },
    });
    assert.equal(memo.status, 200, JSON.stringify(memo.body));
    const again = await api<z.infer<typeof WidgetOrdersResponse>>(server.url, 'GET', '/api/v1/widget/orders', {
      token: buyer.token,
    });
    const text = JSON.stringify(again.body);
    assert.ok(!text.includes('已补运费差价'), 'the memo text stays with the seller');
    for (const order of again.body.orders) {
      assert.equal('memo' in order, false);
      assert.equal('memoFlag' in order, false);
    }
    assert.equal(again.body.orders.find((o: { id: string }) => o.id === target.id)?.orderNo, target.orderNo);
  });
});
