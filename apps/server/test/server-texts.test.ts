// Server-made texts for agents reading in English (issue 9, item 12): the chat lines of order actions and logistics
// notices, the tracking lines and exception notes the server writes, carry a code with parameters beside the Chinese
// the buyer reads, and the one table words them in English.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  readStoredText,
  serverText,
  storeServerText,
  wordServerText,
  wordStoredText,
  type ListExceptionsResponse,
  type ListMessagesResponse,
  type LogisticsExceptionView,
  type Message,
  type OrderActionResponse,
  type ReminderTasksResponse,
  type TrackingEventView,
  type TrackingResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { api, loginAgent, startDemoBuyer, StreamClient } from './helpers/clients.js';
import { allOrders } from './helpers/lookups.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe("server-made texts in the reader's language", () => {
  let server: TestServer;
  let aftersale: { token: string };

  before(async () => {
    server = await startTestServer();
    aftersale = await loginAgent(server.url, 'aftersale1');
  });
  after(() => server.close());

  it('words every code in both languages, parcels and nested lines included, and leaves plain text alone', () => {
    const shipped = serverText('order.shipped', {
      orderNo: 'GD1',
      carrier: '圆通速递',
      carrierCode: 'YTO',
      trackingNo: 'YT4300012345678',
    });
    assert.equal(
      shipped.text,
      '亲，您的订单 GD1 已发货，圆通速递 YT4300012345678。物流有新进展我们会及时告诉您，也可以随时在这里问我们哦~',
    );
    assert.equal(
      wordServerText(shipped.coded, 'en'),
      'Your order GD1 has shipped (YTO YT4300012345678). We will tell you of any news; ask us here any time.',
    );
    const line = storeServerText(
      serverText('tracking.seller_shipped', { carrier: '圆通速递', carrierCode: 'YTO', trackingNo: 'YT1' }).coded,
    );
    const stalled = storeServerText(serverText('exception.no_update', { days: '4', last: line }).coded);
    assert.equal(wordStoredText(stalled, 'zh-CN'), '已 4 天没有物流更新（最后一条：卖家已发货（圆通速递 YT1））');
    assert.equal(wordStoredText(stalled, 'en'), 'No tracking update for 4 days (last: Shipped by the seller (YTO YT1))');
    assert.deepEqual(readStoredText('【杭州市】快件已揽收'), { text: '【杭州市】快件已揽收', coded: null });
    assert.equal(wordServerText({ code: 'from.a.newer.server', params: {} }, 'en'), null);
  });

  it("ships an order: the buyer's line and the tracking line carry their codes; the Chinese is unchanged", async () => {
    // why: the test chats as the order's buyer, and a demo buyer's visitor id is in no agent API.
    const order = await server.app.context.storage.db
      .selectFrom('orders as o')
      .innerJoin('buyers as b', 'b.id', 'o.buyer_id')
      .select(['o.id', 'o.order_no', 'b.visitor_id'])
      .where('o.status', '=', 'paid')
      .orderBy('o.order_no')
      .executeTakeFirstOrThrow();
    const session = await startDemoBuyer(server.url, order.visitor_id);
    const stream = await StreamClient.connect(server.url, session.token);
    const shipped = await api(server.url, 'POST', `/api/v1/orders/${order.id}/ship`, {
      token: aftersale.token,
      body: { requestId: randomUUID(), carrier: 'YTO', trackingNo: 'YT4300012345678' },
    });
    assert.equal(shipped.status, 200, JSON.stringify(shipped.body));

    const notice = (await stream.nextOfType('message.created', (f) => f.message.sender === 'system')).message;
    assert.match(notice.body, new RegExp(`^亲，您的订单 ${order.order_no} 已发货，圆通速递 YT4300012345678。`));
    assert.equal(notice.notice?.code, 'order.shipped');
    assert.match(
      wordServerText(notice.notice!, 'en')!,
      new RegExp(`^Your order ${order.order_no} has shipped \\(YTO YT4300012345678\\)`),
    );
    const history = await api<ListMessagesResponse>(
      server.url,
      'GET',
      `/api/v1/conversations/${notice.conversationId}/messages?afterSeq=0`,
      {
        token: aftersale.token,
      },
    );
    assert.deepEqual(
      history.body.messages.find((m: Message) => m.id === notice.id)?.notice,
      notice.notice,
      'history carries it too',
    );
    await stream.close();

    const tracking = await api<TrackingResponse>(server.url, 'GET', `/api/v1/orders/${order.id}/tracking`, {
      token: aftersale.token,
    });
    const first = tracking.body.events.find((e: TrackingEventView) => e.status === 'shipped')!;
    assert.equal(first.description, '卖家已发货（圆通速递 YT4300012345678）', 'stored coded, presented in Chinese');
    assert.equal(first.descriptionText?.code, 'tracking.seller_shipped');
    assert.equal(wordServerText(first.descriptionText!, 'en'), 'Shipped by the seller (YTO YT4300012345678)');
  });

  it('codes what agents read about 催付 tasks and approvals, in Chinese as before', async () => {
    const support = await loginAgent(server.url, 'support1');
    const tasks = (
      await api<z.infer<typeof ReminderTasksResponse>>(server.url, 'GET', '/api/v1/reminder-tasks?status=open', {
        token: support.token,
      })
    ).body.tasks;
    const task = tasks[0]!;
    assert.match(task.reason, /^金额 ¥\d+\.\d{2} ≥ ¥200\.00$/);
    assert.equal(task.reasonText?.code, 'reminder.follow_up');
    assert.match(wordServerText(task.reasonText!, 'en')!, /^amount ¥\d+\.\d{2} ≥ ¥200\.00$/);

    const presale = await loginAgent(server.url, 'presale1');
    const order = (await allOrders(server.url, presale.token))
      .filter((found) => found.order.status === 'pending_payment')
      .sort((a, b) => (a.order.orderNo < b.order.orderNo ? 1 : -1))[0]!.order;
    const asked = await api<Extract<OrderActionResponse, { result: 'approval_requested' }>>(
      server.url,
      'POST',
      `/api/v1/orders/${order.id}/change-price`,
      {
        token: presale.token,
        body: { requestId: randomUUID(), newTotalFen: Math.round(order.totalFen / 2) },
      },
    );
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    assert.match(asked.body.approval.summary, /^改价 ¥[\d.]+ → ¥[\d.]+（优惠 50\.0%，超出权限 10%）$/);
    assert.match(
      wordServerText(asked.body.approval.summaryText!, 'en')!,
      /^Price ¥[\d.]+ → ¥[\d.]+ \(50\.0% off, beyond the 10% limit\)$/,
    );
  });

  it("codes the demo's stalled-parcel exception so the 物流 page can word it in English", async () => {
    const { body } = await api<z.infer<typeof ListExceptionsResponse>>(
      server.url,
      'GET',
      '/api/v1/logistics/exceptions?status=open',
      { token: aftersale.token },
    );
    const stalled = body.exceptions.find((e: LogisticsExceptionView) => e.kind === 'no_update')!;
    assert.match(stalled.detail, /^已 4 天没有物流更新（最后一条：已到达 .+转运中心）$/);
    assert.equal(stalled.detailText?.code, 'exception.no_update');
    assert.match(wordServerText(stalled.detailText!, 'en')!, /^No tracking update for 4 days \(last: 已到达 .+转运中心\)$/);
  });
});
