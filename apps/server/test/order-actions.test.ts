import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type {
  ApprovalResponse,
  CustomerProfile,
  ErrorEnvelope,
  ListApprovalsResponse,
  ListAuditResponse,
  ListCatalogueResponse,
  ListProductsResponse,
  OrderActionResponse,
  OrderResponse,
  SendMessageResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { api, loginAgent, startBuyer, startDemoBuyer, StreamClient } from './helpers/clients.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/** An order action that took effect, and one that became an approval request. */
type Applied = Extract<OrderActionResponse, { result: 'applied' }>;
type ApprovalRequested = Extract<OrderActionResponse, { result: 'approval_requested' }>;

describe('order actions', () => {
  let server: TestServer;
  let presale: { token: string; agent: { id: string; name: string } };
  let owner: { token: string };
  /** A demo buyer with an unpaid and a shipped order. */
  let buyer: { id: string; visitorId: string; unpaidOrderId: string; shippedOrderId: string };

  before(async () => {
    server = await startTestServer();
    presale = await loginAgent(server.url, 'presale1');
    owner = await loginAgent(server.url, 'owner');
    // why: the test chats as this buyer, and a demo buyer's visitor id is in no agent API.
    const db = server.app.context.storage.db;
    const orders = await db
      .selectFrom('orders as o')
      .innerJoin('buyers as b', 'b.id', 'o.buyer_id')
      .select(['o.id', 'o.status', 'o.buyer_id', 'b.visitor_id'])
      .execute();
    const byBuyer = new Map<string, typeof orders>();
    for (const o of orders) byBuyer.set(o.buyer_id, [...(byBuyer.get(o.buyer_id) ?? []), o]);
    const [id, list] = [...byBuyer].find(
      ([, l]) => l.some((o) => o.status === 'pending_payment') && l.some((o) => o.status === 'shipped'),
    )!;
    buyer = {
      id,
      visitorId: list[0]!.visitor_id,
      unpaidOrderId: list.find((o) => o.status === 'pending_payment')!.id,
      shippedOrderId: list.find((o) => o.status === 'shipped')!.id,
    };
  });
  after(() => server.close());

  const act = <T = Applied>(token: string, orderId: string, action: string, body: object, language = 'zh-CN') =>
    api<T>(server.url, 'POST', `/api/v1/orders/${orderId}/${action}`, {
      token,
      body: { requestId: randomUUID(), ...body },
      headers: { 'accept-language': language },
    });
  const newAddress = { name: '王女士', phone: '13800001234', province: '江苏省', address: '南京市鼓楼区中山北路120号' };

  it('changes the address of an unpaid order and tells the buyer in chat', async () => {
    const session = await startDemoBuyer(server.url, buyer.visitorId);
    const stream = await StreamClient.connect(server.url, session.token);
    const res = await act(presale.token, buyer.unpaidOrderId, 'change-receiver', newAddress);
    assert.equal(res.status, 200);
    assert.equal(res.body.result, 'applied');
    assert.equal(res.body.order.receiver.address, '江苏省南京市鼓楼区中山北路120号');
    const notice = await stream.nextOfType('message.created', (f) => f.message.sender === 'system');
    // The chat log keeps the number masked (every agent reads it; the buyer knows their own number).
    assert.match(notice.message.body, /收货信息已修改为：王女士，138\*{4}1234，江苏省南京市鼓楼区中山北路120号/);
    assert.equal(notice.message.order?.orderId, buyer.unpaidOrderId);
    await stream.close();
  });

  it("refuses the same change on a shipped order with a clear message, in the caller's language", async () => {
    const zh = await act<ErrorEnvelope>(presale.token, buyer.shippedOrderId, 'change-receiver', newAddress);
    assert.equal(zh.status, 409);
    assert.equal(zh.body.error.code, 'order_state_forbids');
    assert.match(zh.body.error.message, /当前状态为「已发货」，不能修改收货信息/);
    const en = await act<ErrorEnvelope>(presale.token, buyer.shippedOrderId, 'change-receiver', newAddress, 'en');
    assert.match(en.body.error.message, /is shipped: cannot change the receiver/);
    const order = await api<z.infer<typeof OrderResponse>>(server.url, 'GET', `/api/v1/orders/${buyer.shippedOrderId}`, {
      token: presale.token,
    });
    assert.notEqual(order.body.order.receiver.address, '江苏省南京市鼓楼区中山北路120号');
  });

  it('lets presale take up to 10% off at once, and turns a deeper cut into an approval request the owner decides', async () => {
    const before = (
      await api<z.infer<typeof OrderResponse>>(server.url, 'GET', `/api/v1/orders/${buyer.unpaidOrderId}`, {
        token: presale.token,
      })
    ).body.order;
    const small = Math.round(before.totalFen * 0.95);
    const within = await act(presale.token, buyer.unpaidOrderId, 'change-price', { newTotalFen: small });
    assert.equal(within.body.result, 'applied');
    assert.equal(within.body.order.totalFen, small);
    assert.equal(within.body.order.originalTotalFen, before.totalFen);

    const deep = Math.round(before.totalFen * 0.7);
    const beyond = await act<ApprovalRequested>(presale.token, buyer.unpaidOrderId, 'change-price', {
      newTotalFen: deep,
      reason: '老客户',
    });
    assert.equal(beyond.status, 202);
    assert.equal(beyond.body.result, 'approval_requested');
    assert.equal(beyond.body.approval.status, 'pending');
    assert.match(beyond.body.approval.summary, /改价/);
    const unchanged = (
      await api<z.infer<typeof OrderResponse>>(server.url, 'GET', `/api/v1/orders/${buyer.unpaidOrderId}`, {
        token: presale.token,
      })
    ).body.order;
    assert.equal(unchanged.totalFen, small, 'nothing changes before approval');

    const presaleDecides = await api<ErrorEnvelope>(server.url, 'POST', `/api/v1/approvals/${beyond.body.approval.id}/approve`, {
      token: presale.token,
      body: {},
    });
    assert.equal(presaleDecides.status, 403);
    const pending = (
      await api<z.infer<typeof ListApprovalsResponse>>(server.url, 'GET', '/api/v1/approvals?status=pending', {
        token: owner.token,
      })
    ).body.approvals;
    assert.ok(pending.some((a: { id: string }) => a.id === beyond.body.approval.id));
    const approved = await api<z.infer<typeof ApprovalResponse>>(
      server.url,
      'POST',
      `/api/v1/approvals/${beyond.body.approval.id}/approve`,
      {
        token: owner.token,
        body: { note: '老客户，同意' },
      },
    );
    assert.equal(approved.status, 200);
    assert.equal(approved.body.approval.status, 'approved');
    assert.equal(approved.body.order?.totalFen, deep);
    assert.equal(approved.body.order?.originalTotalFen, before.totalFen, 'the original price is kept');
    const again = await api<z.infer<typeof ApprovalResponse>>(
      server.url,
      'POST',
      `/api/v1/approvals/${beyond.body.approval.id}/approve`,
      {
        token: owner.token,
        body: {},
      },
    );
    assert.equal(again.body.approval.status, 'approved', 'approving twice is harmless');
    const reject = await api<ErrorEnvelope>(server.url, 'POST', `/api/v1/approvals/${beyond.body.approval.id}/reject`, {
      token: owner.token,
      body: {},
    });
    assert.equal(reject.status, 409);
  });

  it('keeps every action in the audit log: who, when, before → after', async () => {
    const { entries } = (
      await api<z.infer<typeof ListAuditResponse>>(
        server.url,
        'GET',
        `/api/v1/audit?targetType=order&targetId=${buyer.unpaidOrderId}`,
        { token: owner.token },
      )
    ).body;
    const actions = entries.map((e: { action: string }) => e.action);
    for (const expected of [
      'order.receiver_changed',
      'order.price_changed',
      'order.price_change_requested',
      'approval.approved',
    ]) {
      assert.ok(actions.includes(expected), `${expected} in ${actions}`);
    }
    const receiver = entries.find((e: { action: string }) => e.action === 'order.receiver_changed')!;
    assert.equal(receiver.actor.name, presale.agent.name);
    assert.equal(receiver.after?.address, '江苏省南京市鼓楼区中山北路120号');
    assert.ok(receiver.before?.address && receiver.before.address !== receiver.after?.address);
    assert.ok(Date.parse(receiver.createdAt) > 0);
    const approvedChange = entries.find((e) => e.action === 'order.price_changed' && e.after?.approvalId);
    assert.equal(approvedChange?.actor.name, '店长小美');
    const refused = entries.filter((e: { targetId: string }) => e.targetId === buyer.shippedOrderId);
    assert.equal(refused.length, 0);
  });

  it('does an action once however often the same requestId is sent, also concurrently', async () => {
    const requestId = randomUUID();
    const send = () =>
      api<Applied>(server.url, 'POST', `/api/v1/orders/${buyer.unpaidOrderId}/memo`, {
        token: presale.token,
        body: { requestId, memo: '顺丰发货，已补差价', flag: 'red' },
      });
    const answers = await Promise.all([send(), send(), send()]);
    assert.ok(answers.every((a) => a.status === 200 && a.body.order.memoFlag === 'red'));
    const { entries } = (
      await api<z.infer<typeof ListAuditResponse>>(
        server.url,
        'GET',
        `/api/v1/audit?targetType=order&targetId=${buyer.unpaidOrderId}`,
        { token: owner.token },
      )
    ).body;
    assert.equal(entries.filter((e: { action: string }) => e.action === 'order.memo_changed').length, 1);
  });

  it('changes a line to another SKU of the same product and refuses a SKU of another product', async () => {
    const order = (
      await api<z.infer<typeof OrderResponse>>(server.url, 'GET', `/api/v1/orders/${buyer.unpaidOrderId}`, {
        token: presale.token,
      })
    ).body.order;
    const { products } = (await api<ListCatalogueResponse>(server.url, 'GET', '/api/v1/products', { token: presale.token })).body;
    const product = products.find((p: { id: string }) => p.id === order.items[0]?.productId)!;
    const other = product.skus.find((s: { id: string }) => s.id !== order.items[0]?.skuId);
    if (other) {
      const res = await act(presale.token, buyer.unpaidOrderId, 'change-sku', { itemIndex: 0, skuId: other.id });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.order.items[0]?.skuProps, other.props);
    }
    const foreign = products.find((p: { id: string }) => p.id !== product.id)!.skus[0]!;
    const wrong = await act<ErrorEnvelope>(presale.token, buyer.unpaidOrderId, 'change-sku', { itemIndex: 0, skuId: foreign.id });
    assert.equal(wrong.status, 404);
  });

  it('lets after-sales edit but not re-price, and closes an unpaid order with a reason once', async () => {
    const aftersale = await loginAgent(server.url, 'aftersale1');
    const price = await act<ErrorEnvelope>(aftersale.token, buyer.unpaidOrderId, 'change-price', { newTotalFen: 100 });
    assert.equal(price.status, 403);
    const closed = await act(presale.token, buyer.unpaidOrderId, 'close', { reason: '买家不想要了' });
    assert.equal(closed.body.order.status, 'closed');
    assert.equal(closed.body.order.closeReason, '买家不想要了');
    assert.ok(closed.body.order.closedAt);
    const twice = await act<ErrorEnvelope>(presale.token, buyer.unpaidOrderId, 'close', { reason: '再关一次' });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.code, 'order_state_forbids');
  });

  it("sends an order card only for the conversation's own buyer", async () => {
    const session = await startDemoBuyer(server.url, buyer.visitorId);
    const card = await api<SendMessageResponse>(server.url, 'POST', `/api/v1/conversations/${session.conversation.id}/messages`, {
      token: presale.token,
      body: { kind: 'order', orderId: buyer.shippedOrderId, clientMsgId: randomUUID() },
    });
    assert.equal(card.status, 201);
    assert.equal(card.body.message.order?.orderId, buyer.shippedOrderId);
    assert.equal(card.body.message.order?.status, 'shipped');
    const stranger = await startBuyer(server.url);
    const leak = await api<ErrorEnvelope>(server.url, 'POST', `/api/v1/conversations/${stranger.conversation.id}/messages`, {
      token: presale.token,
      body: { kind: 'order', orderId: buyer.shippedOrderId, clientMsgId: randomUUID() },
    });
    assert.equal(leak.status, 404);
  });
});

describe('browsing footprints', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('shows an agent what the buyer is looking at, live and in the profile, folding quick reloads', async () => {
    const agent = await loginAgent(server.url, 'presale1');
    const buyer = await startBuyer(server.url);
    const { products } = (await api<ListProductsResponse>(server.url, 'GET', '/api/v1/shops/demo/products?limit=50')).body;
    const [dress, lipstick] = [
      products.find((p: { title: string }) => p.title.includes('连衣裙'))!,
      products.find((p: { title: string }) => p.title.includes('口红'))!,
    ];
    const stream = await StreamClient.connect(server.url, agent.token);
    await api(server.url, 'POST', '/api/v1/widget/footprints', { token: buyer.token, body: { productId: dress.id } });
    // Live: it arrives on the stream (how fast is the footprints benchmark's business, not a timed test's).
    const live = await stream.nextOfType('customer.footprint_recorded', (f) => f.buyerId === buyer.buyer.id);
    assert.equal(live.footprint.title, dress.title);
    assert.equal(live.conversationId, buyer.conversation.id);
    await api(server.url, 'POST', '/api/v1/widget/footprints', { token: buyer.token, body: { productId: dress.id } });
    await api(server.url, 'POST', '/api/v1/widget/footprints', { token: buyer.token, body: { productId: lipstick.id } });
    const profile = (await api<CustomerProfile>(server.url, 'GET', `/api/v1/customers/${buyer.buyer.id}`, { token: agent.token }))
      .body;
    assert.deepEqual(
      profile.footprints?.map((f: { title: string; views: number }) => [f.title, f.views]),
      [
        [lipstick.title, 1],
        [dress.title, 1],
      ],
    );
    const foreign = await api(server.url, 'POST', '/api/v1/widget/footprints', {
      token: buyer.token,
      body: { productId: 'not-a-product' },
    });
    assert.equal(foreign.status, 404);
    const asAgent = await api(server.url, 'POST', '/api/v1/widget/footprints', {
      token: agent.token,
      body: { productId: dress.id },
    });
    assert.equal(asAgent.status, 403);
    await stream.close();
  });
});
