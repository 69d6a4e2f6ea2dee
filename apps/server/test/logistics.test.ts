import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  pickCourier,
  type AuditEntry,
  type CourierRuleInput,
  type CourierRulesResponse,
  type ErrorEnvelope,
  type ExceptionResponse,
  type InboundEventResult,
  type IntegrationSettings,
  type ListAuditResponse,
  type ListExceptionsResponse,
  type ListMessagesResponse,
  type LogisticsExceptionView,
  type LogisticsSettingsResponse,
  type Message,
  type OrderActionResponse,
  type OrderResponse,
  type QuoteResponse,
  type TrackingEventView,
  type TrackingResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { scanStalledParcels } from '../src/modules/logistics/index.js';
import { signPayload } from '../src/platform/security/hmac-signature.js';
import { api, loginAgent, startDemoBuyer, StreamClient } from './helpers/clients.js';
import { addOtherShop } from './helpers/other-shop.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const DAY = 24 * 60 * 60 * 1000;

describe('logistics: courier choice', () => {
  const rules: CourierRuleInput[] = [
    { carrier: 'YTO', provinces: ['浙江', '江苏省', '上海'], firstWeightFen: 500, additionalFen: 100, priority: 2 },
    { carrier: 'STO', provinces: ['浙江省'], firstWeightFen: 500, additionalFen: 200, priority: 1 },
    { carrier: 'ZTO', provinces: ['广东省'], firstWeightFen: 800, additionalFen: 400 },
    { carrier: 'TTK', provinces: ['default'], firstWeightFen: 1200, additionalFen: 600 },
    { carrier: 'SF', provinces: ['default'], firstWeightFen: 1800, additionalFen: 800 },
    { carrier: 'JD', provinces: ['广东省'], firstWeightFen: 100, additionalFen: 100, enabled: false },
  ];

  it('picks the cheapest rule naming the province, ties by priority, and normalises 浙江 / 浙江省 / full addresses', () => {
    const oneKg = pickCourier(rules, '浙江', 1);
    assert.equal(oneKg.province, '浙江省');
    assert.equal(oneKg.choice?.carrier, 'STO', 'same ¥5.00: the lower priority number wins');
    assert.equal(oneKg.choice?.costFen, 500);
    assert.equal(oneKg.choice?.matchedBy, 'province');
    const threeKg = pickCourier(rules, '浙江省杭州市西湖区文三路 88 号', 2.3);
    assert.equal(threeKg.choice?.carrier, 'YTO', '3 kg billed: 5 + 2×1 beats 5 + 2×2');
    assert.equal(threeKg.choice?.costFen, 700);
    assert.equal(threeKg.choice?.billedKg, 3);
    assert.deepEqual(
      threeKg.alternatives.map((a) => a.carrier),
      ['YTO', 'STO'],
    );
  });

  it('falls back to the default rules for other provinces, skipping disabled rules and carriers', () => {
    const xinjiang = pickCourier(rules, '新疆维吾尔自治区乌鲁木齐市', 1);
    assert.equal(xinjiang.choice?.carrier, 'TTK');
    assert.equal(xinjiang.choice?.matchedBy, 'default');
    assert.equal(pickCourier(rules, '广东', 1).choice?.carrier, 'ZTO', 'the disabled ¥1 JD rule is not chosen');
    assert.equal(pickCourier(rules, '新疆', 1, ['SF', 'YTO']).choice?.carrier, 'SF', "only the shop's carriers");
    assert.equal(pickCourier(rules, '火星', 1).province, undefined);
  });
});

describe('logistics', () => {
  let server: TestServer;
  let clock = Date.now();
  let owner: { token: string; agent: { name: string } };
  let presale: { token: string };
  let aftersale: { token: string; agent: { name: string } };
  let secret: string;
  const db = () => server.app.context.storage.db;

  before(async () => {
    server = await startTestServer({ now: () => new Date(clock) });
    owner = await loginAgent(server.url, 'owner');
    presale = await loginAgent(server.url, 'presale1');
    aftersale = await loginAgent(server.url, 'aftersale1');
    secret = (await api<IntegrationSettings>(server.url, 'GET', '/api/v1/integration', { token: owner.token })).body
      .inboundSecret;
  });
  after(() => server.close());

  const ship = <T = Extract<OrderActionResponse, { result: 'applied' }>>(
    token: string,
    orderId: string,
    body: object,
    language = 'zh-CN',
  ) =>
    api<T>(server.url, 'POST', `/api/v1/orders/${orderId}/ship`, {
      token,
      body: { requestId: randomUUID(), ...body },
      headers: { 'accept-language': language },
    });
  async function push(type: string, data: object) {
    const body = JSON.stringify({ id: randomUUID(), type, occurredAt: new Date(clock).toISOString(), data });
    return api<InboundEventResult>(server.url, 'POST', '/api/v1/integrations/demo/events', {
      raw: body,
      headers: {
        'content-type': 'application/json',
        'x-golddesk-signature': signPayload(secret, body, Math.floor(clock / 1000)),
      },
    });
  }
  /** A demo order in `status` with its buyer's visitor id, skipping those already used. */
  const used = new Set<string>();
  async function demoOrder(status: string) {
    // why: tests chat as the order's buyer, and a demo buyer's visitor id is in no agent API.
    const rows = await db()
      .selectFrom('orders as o')
      .innerJoin('buyers as b', 'b.id', 'o.buyer_id')
      .select(['o.id', 'o.order_no', 'o.buyer_id', 'b.visitor_id', 'o.receiver_address'])
      .where('o.status', '=', status)
      .orderBy('o.order_no')
      .execute();
    const row = rows.find((r) => !used.has(r.id))!;
    used.add(row.id);
    return row;
  }
  const openExceptions = async (token = owner.token) =>
    (await api<z.infer<typeof ListExceptionsResponse>>(server.url, 'GET', '/api/v1/logistics/exceptions', { token })).body;

  it('lets owners and managers edit the courier rules, every agent read them and get a quote', async () => {
    const seeded = (
      await api<z.infer<typeof CourierRulesResponse>>(server.url, 'GET', '/api/v1/logistics/rules', { token: presale.token })
    ).body.rules;
    assert.ok(seeded.length >= 5, 'the demo shop has its 快递规则');
    const rules = [
      {
        carrier: 'YTO',
        provinces: ['浙江', '江苏', '上海'],
        firstWeightFen: 500,
        additionalFen: 100,
        deliveryDays: '1-2',
        priority: 1,
        enabled: true,
      },
      { carrier: 'TTK', provinces: ['default'], firstWeightFen: 1200, additionalFen: 600, priority: 2, enabled: true },
    ];
    const refused = await api(server.url, 'PUT', '/api/v1/logistics/rules', { token: presale.token, body: { rules } });
    assert.equal(refused.status, 403);
    const typo = await api<ErrorEnvelope>(server.url, 'PUT', '/api/v1/logistics/rules', {
      token: owner.token,
      body: { rules: [{ ...rules[0], provinces: ['浙江', '江酥'] }] },
    });
    assert.equal(typo.status, 400);
    assert.match(typo.body.error.message, /无法识别的省份「江酥」/);
    const badFee = await api(server.url, 'PUT', '/api/v1/logistics/rules', {
      token: owner.token,
      body: { rules: [{ ...rules[0], firstWeightFen: -1 }] },
    });
    assert.equal(badFee.status, 400);
    const saved = await api<z.infer<typeof CourierRulesResponse>>(server.url, 'PUT', '/api/v1/logistics/rules', {
      token: owner.token,
      body: { rules },
    });
    assert.equal(saved.status, 200);
    assert.deepEqual(saved.body.rules[0]?.provinces, ['浙江省', '江苏省', '上海市']);
    const read = (
      await api<z.infer<typeof CourierRulesResponse>>(server.url, 'GET', '/api/v1/logistics/rules', { token: presale.token })
    ).body.rules;
    assert.equal(read.length, 2);

    const quote = await api<QuoteResponse>(
      server.url,
      'GET',
      '/api/v1/logistics/quote?province=' + encodeURIComponent('江苏') + '&weightKg=2',
      {
        token: presale.token,
      },
    );
    assert.equal(quote.status, 200);
    assert.equal(quote.body.province, '江苏省');
    assert.equal(quote.body.choice?.carrierName, '圆通速递');
    assert.equal(quote.body.choice?.costFen, 600);
    const far = await api<QuoteResponse>(server.url, 'GET', '/api/v1/logistics/quote?province=' + encodeURIComponent('西藏'), {
      token: presale.token,
    });
    assert.equal(far.body.choice?.carrier, 'TTK');
    assert.equal(far.body.choice?.matchedBy, 'default');
    const unknown = await api(server.url, 'GET', '/api/v1/logistics/quote?province=abc', { token: presale.token });
    assert.equal(unknown.status, 400);
  });

  it('ships a paid order: paid → shipped with the number, audit, a chat message to the buyer, once per requestId', async () => {
    const order = await demoOrder('paid');
    const session = await startDemoBuyer(server.url, order.visitor_id);
    const stream = await StreamClient.connect(server.url, session.token);
    const requestId = randomUUID();
    const body = { requestId, carrier: 'YTO', trackingNo: 'yt 4300 0123 4567 8' };
    const [first, again] = [await ship(aftersale.token, order.id, body), await ship(aftersale.token, order.id, body)];
    assert.equal(first.status, 200);
    assert.equal(first.body.order.status, 'shipped');
    assert.equal(first.body.order.carrier, '圆通速递');
    assert.equal(first.body.order.trackingNo, 'YT4300012345678', 'stored as the carrier prints it');
    assert.equal(first.body.order.shippedAt, new Date(clock).toISOString());
    assert.deepEqual(again.body, first.body);
    const notice = await stream.nextOfType('message.created', (f) => f.message.sender === 'system');
    assert.match(notice.message.body, new RegExp(`亲，您的订单 ${order.order_no} 已发货，圆通速递 YT4300012345678`));
    assert.doesNotMatch(notice.message.body, /明天|后天|\d+\s*天(内|到)/, 'no promise about speed');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(stream.messages().filter((m) => m.sender === 'system').length, 1, 'the repeated request sent nothing');
    await stream.close();
    const audit = (
      await api<z.infer<typeof ListAuditResponse>>(server.url, 'GET', `/api/v1/audit?targetType=order&targetId=${order.id}`, {
        token: owner.token,
      })
    ).body.entries;
    const entry = audit.filter((e: AuditEntry) => e.action === 'order.shipped');
    assert.equal(entry.length, 1);
    assert.equal(entry[0]?.actor.name, aftersale.agent.name);
    assert.deepEqual(entry[0]?.after, { status: 'shipped', carrier: '圆通速递', trackingNo: 'YT4300012345678' });

    const tracking = (
      await api<z.infer<typeof TrackingResponse>>(server.url, 'GET', `/api/v1/orders/${order.id}/tracking`, {
        token: presale.token,
      })
    ).body;
    assert.equal(tracking.carrierCode, 'YTO');
    assert.equal(tracking.events[0]?.status, 'shipped');

    const fix = await api<Extract<OrderActionResponse, { result: 'applied' }>>(
      server.url,
      'POST',
      `/api/v1/orders/${order.id}/tracking-number`,
      {
        token: aftersale.token,
        body: { requestId: randomUUID(), carrier: 'STO', trackingNo: '773012345678901' },
      },
    );
    assert.equal(fix.status, 200);
    assert.equal(fix.body.order.carrier, '申通快递');
    assert.equal(fix.body.order.trackingNo, '773012345678901');
  });

  it('refuses to ship an unpaid order, a bad tracking number, or as pre-sales, with a clear message', async () => {
    const unpaid = await demoOrder('pending_payment');
    const zh = await ship<ErrorEnvelope>(aftersale.token, unpaid.id, { carrier: 'YTO', trackingNo: 'YT4300012345678' });
    assert.equal(zh.status, 409);
    assert.match(zh.body.error.message, new RegExp(`订单 ${unpaid.order_no} 当前状态为「待付款」，不能发货`));
    const en = await ship<ErrorEnvelope>(aftersale.token, unpaid.id, { carrier: 'YTO', trackingNo: 'YT4300012345678' }, 'en');
    assert.match(en.body.error.message, /is pending payment: cannot ship the order/);

    const paid = await demoOrder('paid');
    const bad = await ship<ErrorEnvelope>(aftersale.token, paid.id, { carrier: 'SF', trackingNo: 'YT4300012345678' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'tracking_no_invalid');
    assert.match(bad.body.error.message, /不像顺丰速运的单号（例如 SF1234567890123）/);
    const disabled = await ship<ErrorEnvelope>(aftersale.token, paid.id, { carrier: 'JD', trackingNo: 'JDVA01234567890' });
    assert.equal(disabled.body.error.code, 'carrier_not_enabled');
    const asPresale = await ship(presale.token, paid.id, { carrier: 'YTO', trackingNo: 'YT4300012345678' });
    assert.equal(asPresale.status, 403);
    const still = (
      await api<z.infer<typeof OrderResponse>>(server.url, 'GET', `/api/v1/orders/${paid.id}`, { token: owner.token })
    ).body.order;
    assert.equal(still.status, 'paid');
    assert.equal(still.trackingNo, null);
  });

  it("shows the demo parcels' timelines newest first: 揽收 → 运输中 → 派送中 → 签收", async () => {
    const signed = await demoOrder('signed');
    const tracking = (
      await api<z.infer<typeof TrackingResponse>>(server.url, 'GET', `/api/v1/orders/${signed.id}/tracking`, {
        token: presale.token,
      })
    ).body;
    assert.equal(tracking.current, 'signed');
    assert.deepEqual(
      tracking.events.map((e: TrackingEventView) => e.status),
      ['signed', 'out_for_delivery', 'in_transit', 'in_transit', 'in_transit', 'shipped'],
    );
    const times = tracking.events.map((e: TrackingEventView) => Date.parse(e.occurredAt));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    assert.match(tracking.events[4]!.description, /已揽收/);
    assert.equal((await api(server.url, 'GET', `/api/v1/orders/nope/tracking`, { token: presale.token })).status, 404);

    const note = await api(server.url, 'POST', `/api/v1/orders/${signed.id}/tracking/notes`, {
      token: aftersale.token,
      body: { description: '已致电快递员，确认本人签收' },
    });
    assert.equal(note.status, 200);
    const after = (
      await api<z.infer<typeof TrackingResponse>>(server.url, 'GET', `/api/v1/orders/${signed.id}/tracking`, {
        token: presale.token,
      })
    ).body;
    assert.match(after.events[0]!.description, /已致电快递员.*售后-阿杰/);
    assert.equal(after.current, 'signed', 'a note is not a parcel status');
  });

  it('the demo shop shows a stalled and a returned parcel as open exceptions', async () => {
    const { exceptions } = await openExceptions();
    const kinds = exceptions.map((e) => e.kind).sort();
    assert.deepEqual(kinds, ['no_update', 'returned']);
    const stalled = exceptions.find((e) => e.kind === 'no_update')!;
    assert.equal(stalled.buyer.nick, '追风的少年');
    assert.ok(stalled.conversationId, "the buyer's chat can be opened from the list");
    assert.match(stalled.detail, /天没有物流更新/);
  });

  it('raises one exception per returned parcel however often the event arrives, and agents hear of it', async () => {
    const order = await demoOrder('shipped');
    const agentStream = await StreamClient.connect(server.url, aftersale.token);
    const returned = {
      orderNo: order.order_no,
      status: 'returned',
      description: '收件人拒收，包裹退回中',
      location: '广州市',
      occurredAt: new Date(clock).toISOString(),
    };
    assert.equal((await push('tracking.updated', returned)).body.status, 'applied');
    assert.equal((await push('tracking.updated', { ...returned, description: '包裹退回中（再次推送）' })).body.status, 'applied');
    const frame = await agentStream.nextOfType('logistics.exception_changed', (f) => f.exception.order.id === order.id);
    assert.equal(frame.exception.kind, 'returned');
    assert.match(frame.exception.detail, /收件人拒收，包裹退回中（广州市）/);
    await agentStream.close();
    const mine = (await openExceptions()).exceptions.filter((e) => e.order.id === order.id);
    assert.equal(mine.length, 1);

    const damaged = await demoOrder('shipped');
    await push('tracking.updated', {
      orderNo: damaged.order_no,
      status: 'exception',
      description: '外包装破损，已联系寄件方',
      occurredAt: new Date(clock).toISOString(),
    });
    const raised = (await openExceptions()).exceptions.filter((e) => e.order.id === damaged.id);
    assert.deepEqual(
      raised.map((e) => e.kind),
      ['damaged'],
    );
  });

  it('raises "no update" for a parcel quiet for N days, once, and an agent resolves it with a note', async () => {
    const order = await demoOrder('shipped');
    assert.equal(await scanStalledParcels(server.app.context), 0, 'nothing stalled yet');
    clock += 4 * DAY;
    await scanStalledParcels(server.app.context); // (the in-process scan may have got there first: same result)
    assert.equal(await scanStalledParcels(server.app.context), 0, 'a second scan (or another process) raises nothing new');
    const open = (await openExceptions()).exceptions.filter((e) => e.order.id === order.id);
    assert.equal(open.length, 1);
    assert.equal(open[0]!.kind, 'no_update');
    assert.match(open[0]!.detail, /已 \d+ 天没有物流更新/);

    const resolved = await api<z.infer<typeof ExceptionResponse>>(
      server.url,
      'POST',
      `/api/v1/logistics/exceptions/${open[0]!.id}/resolve`,
      {
        token: aftersale.token,
        body: { note: '已致电快递，明日派送' },
      },
    );
    assert.equal(resolved.status, 200);
    assert.equal(resolved.body.exception.resolvedBy?.name, aftersale.agent.name);
    assert.equal(resolved.body.exception.note, '已致电快递，明日派送');
    const twice = await api(server.url, 'POST', `/api/v1/logistics/exceptions/${open[0]!.id}/resolve`, {
      token: aftersale.token,
      body: {},
    });
    assert.equal(twice.status, 409);
    await scanStalledParcels(server.app.context);
    assert.equal(
      (await openExceptions()).exceptions.filter((e) => e.order.id === order.id).length,
      0,
      'handled: the clock starts again',
    );
    const history = (
      await api<z.infer<typeof ListExceptionsResponse>>(server.url, 'GET', '/api/v1/logistics/exceptions?status=resolved', {
        token: presale.token,
      })
    ).body.exceptions;
    assert.ok(history.some((e: LogisticsExceptionView) => e.id === open[0]!.id));

    // News from the courier closes a "no update" exception by itself.
    const other = (await openExceptions()).exceptions.find((e) => e.kind === 'no_update')!;
    await push('tracking.updated', {
      orderNo: other.order.orderNo,
      status: 'in_transit',
      description: '已到达 广州转运中心',
      occurredAt: new Date(clock).toISOString(),
    });
    assert.ok(!(await openExceptions()).exceptions.some((e) => e.id === other.id));
  });

  it('sends proactive notices only when the shop opted in, once per order and kind', async () => {
    const order = await demoOrder('shipped');
    const session = await startDemoBuyer(server.url, order.visitor_id);
    const systemMessages = async () =>
      (
        await api<ListMessagesResponse>(server.url, 'GET', '/api/v1/widget/messages?limit=200', { token: session.token })
      ).body.messages.filter((m: Message) => m.sender === 'system');
    const before = (await systemMessages()).length;
    const event = {
      orderNo: order.order_no,
      status: 'out_for_delivery',
      description: '派件员 王师傅 正在为您派件',
      occurredAt: new Date(clock).toISOString(),
    };
    await push('tracking.updated', event);
    assert.equal((await systemMessages()).length, before, 'off by default');

    const settings = (
      await api<z.infer<typeof LogisticsSettingsResponse>>(server.url, 'GET', '/api/v1/logistics/settings', {
        token: presale.token,
      })
    ).body.settings;
    assert.deepEqual(settings.notices, { shipped: false, out_for_delivery: false, signed: false });
    const refused = await api(server.url, 'PUT', '/api/v1/logistics/settings', { token: presale.token, body: settings });
    assert.equal(refused.status, 403);
    const on = { ...settings, notices: { shipped: true, out_for_delivery: true, signed: true } };
    assert.equal((await api(server.url, 'PUT', '/api/v1/logistics/settings', { token: owner.token, body: on })).status, 200);

    await push('tracking.updated', event);
    await push('tracking.updated', { ...event, description: '派件员 王师傅 再次派件' });
    await push('tracking.updated', { ...event, status: 'signed', description: '已签收，签收人：本人' });
    await push('tracking.updated', { ...event, status: 'signed', description: '已签收（重复推送）' });
    const notices = (await systemMessages()).slice(before);
    assert.equal(notices.length, 2, notices.map((m: Message) => m.body).join(' | '));
    assert.match(notices[0]!.body, /正在派送中/);
    assert.match(notices[1]!.body, new RegExp(`订单 ${order.order_no} 的包裹已签收`));
    for (const m of notices) assert.doesNotMatch(m.body, /预计|明天|\d+\s*天内/);
    assert.equal(notices[0]!.order?.orderId, order.id, 'with the order card');
  });

  it("keeps each shop's logistics to itself", async () => {
    const { owner: other } = await addOtherShop(server, 'other-shop');
    const demoException = (await openExceptions()).exceptions[0]!;
    const theirs = await openExceptions(other.token);
    assert.equal(theirs.openCount, 0);
    assert.deepEqual(theirs.exceptions, []);
    assert.deepEqual(
      (await api<z.infer<typeof CourierRulesResponse>>(server.url, 'GET', '/api/v1/logistics/rules', { token: other.token })).body
        .rules,
      [],
    );
    assert.equal(
      (
        await api(server.url, 'POST', `/api/v1/logistics/exceptions/${demoException.id}/resolve`, {
          token: other.token,
          body: {},
        })
      ).status,
      404,
    );
    assert.equal(
      (await api(server.url, 'GET', `/api/v1/orders/${demoException.order.id}/tracking`, { token: other.token })).status,
      404,
    );
    const paid = await demoOrder('paid');
    assert.equal((await ship(other.token, paid.id, { carrier: 'YTO', trackingNo: 'YT4300012345678' })).status, 404);
    await api(server.url, 'PUT', '/api/v1/logistics/settings', {
      token: other.token,
      body: { enabledCarriers: ['SF'], noUpdateDays: 5, notices: { shipped: true, out_for_delivery: false, signed: false } },
    });
    const demoSettings = (
      await api<z.infer<typeof LogisticsSettingsResponse>>(server.url, 'GET', '/api/v1/logistics/settings', {
        token: owner.token,
      })
    ).body.settings;
    assert.ok(demoSettings.enabledCarriers.includes('YTO'));
    assert.equal(demoSettings.noUpdateDays, 3);
  });
});
