// After-sales cases (issue 11), as scenarios from the seed cases with Chinese chat lines: the policy's verdict in
// words, goodwill within authority and beyond it, evidence, colleague tasks, the Double-11 freeze, deadlines, and
// what a buyer or another shop may not touch.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type {
  ApprovalResponse,
  BuyerCaseResponse,
  BuyerCasesResponse,
  CaseResponse,
  CaseFiguresResponse,
  CaseView,
  CompensateResponse,
  CustomerProfile,
  ErrorEnvelope,
  ListCasesResponse,
  ListMessagesResponse,
  ListTasksResponse,
  TaskResponse,
  UploadResponse,
} from '@golddesk/contracts';
import type { InboundEventResult, IntegrationSettings, ListAuditResponse } from '@golddesk/contracts';
import { signPayload } from '../src/platform/security/hmac-signature.js';
import type { z } from 'zod';
import { api, buyerSays, loginAgent, startDemoBuyer, StreamClient, type BuyerSession } from './helpers/clients.js';
import { createProduct, placeOrder, type PlacedOrder } from './helpers/case-fixtures.js';
import { shopOf } from './helpers/lookups.js';
import { addOtherShop } from './helpers/other-shop.js';
import { PNG_1X1 } from './helpers/route-fixtures.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/** China time (UTC+8) as the clock the server reads. */
const china = (date: string, time = '12:00') => new Date(`${date}T${time}:00+08:00`);

describe('after-sales cases', () => {
  let server: TestServer;
  let clock = china('2026-11-26');
  let shopId: string;
  let owner: { token: string; agent: { id: string } };
  let aftersale: { token: string; agent: { id: string; name: string } };
  let presale: { token: string; agent: { id: string } };
  let buyer: BuyerSession;
  let otherBuyer: BuyerSession;
  let product: { id: string; title: string; priceFen: number };

  before(async () => {
    server = await startTestServer({ now: () => clock });
    owner = await loginAgent(server.url, 'owner');
    aftersale = await loginAgent(server.url, 'aftersale1');
    presale = await loginAgent(server.url, 'presale1');
    shopId = (await shopOf(server.url, owner.token)).id;
    buyer = await startDemoBuyer(server.url, 'demo-buyer-001');
    otherBuyer = await startDemoBuyer(server.url, 'demo-buyer-002');
    product = await createProduct(server, owner.token, '浅色棉麻连衣裙', 15900, '浅色可能轻微褪色，介意慎拍');
    const policy = await api<{ policy: Record<string, unknown> }>(server.url, 'GET', '/api/v1/settings/aftersale-policy', {
      token: owner.token,
    });
    const saved = await api(server.url, 'PUT', '/api/v1/settings/aftersale-policy', {
      token: owner.token,
      body: { ...policy.body.policy, returnAddress: '浙江省杭州市余杭区仓前街道 金牌仓 收（售后组）' },
    });
    assert.equal(saved.status, 200);
  });
  after(() => server.close());

  /** An order of the buyer signed for on `signed` (China date). */
  const signedOrder = (signed = '2026-11-02', who: BuyerSession = buyer): Promise<PlacedOrder> =>
    placeOrder(server, {
      shopId,
      buyerId: who.buyer.id,
      product,
      status: 'signed',
      placedAt: china(signed, '08:00').toISOString(),
      paidAt: china(signed, '08:01').toISOString(),
      shippedAt: china(signed, '09:00').toISOString(),
      signedAt: china(signed, '14:00').toISOString(),
    });
  const openCase = <T = CaseResponse>(token: string, body: object, language = 'zh-CN') =>
    api<T>(server.url, 'POST', '/api/v1/cases', {
      token,
      body: { requestId: randomUUID(), ...body },
      headers: { 'accept-language': language },
    });
  const getCase = async (id: string, token = aftersale.token, language = 'zh-CN') =>
    (await api<CaseResponse>(server.url, 'GET', `/api/v1/cases/${id}`, { token, headers: { 'accept-language': language } })).body
      .case;
  const move = <T = CaseResponse>(id: string, body: object, token = aftersale.token) =>
    api<T>(server.url, 'POST', `/api/v1/cases/${id}/transitions`, { token, body: { requestId: randomUUID(), ...body } });
  const compensate = (id: string, token: string, body: object) =>
    api<CompensateResponse>(server.url, 'POST', `/api/v1/cases/${id}/compensations`, {
      token,
      body: { requestId: randomUUID(), ...body },
    });
  /** What the buyer reads in the chat. */
  const buyerLines = async (session: BuyerSession = buyer) =>
    (
      await api<ListMessagesResponse>(server.url, 'GET', '/api/v1/widget/messages?limit=200', { token: session.token })
    ).body.messages.map((m) => m.body);
  /** Posts a signed event as the shop's system would, stamped by the server's clock. */
  const push = async (type: string, data: object) => {
    const secret = (await api<IntegrationSettings>(server.url, 'GET', '/api/v1/integration', { token: owner.token })).body
      .inboundSecret;
    const body = JSON.stringify({ id: `evt-${randomUUID()}`, type, occurredAt: clock.toISOString(), data });
    return api<InboundEventResult>(server.url, 'POST', '/api/v1/integrations/demo/events', {
      raw: body,
      headers: {
        'content-type': 'application/json',
        'x-golddesk-signature': signPayload(secret, body, Math.floor(clock.getTime() / 1000)),
      },
    });
  };
  const tasksOf = async (token: string, query = '') =>
    (await api<ListTasksResponse>(server.url, 'GET', `/api/v1/tasks${query}`, { token })).body.tasks;
  const uploadPhoto = async (session: BuyerSession, bytes: Buffer | string = PNG_1X1, type = 'image/png') =>
    api<UploadResponse>(server.url, 'POST', '/api/v1/widget/uploads', {
      token: session.token,
      raw: bytes,
      headers: { 'content-type': type },
    });

  it('褪色 24 days after signing: not eligible, with the reason in words; a ¥10 coupon in one click reaches the buyer', async () => {
    clock = china('2026-11-26');
    const order = await signedOrder('2026-11-02');
    await buyerSays(server.url, buyer.token, '你好，这条裙子洗了一次就褪色了，我要退货');
    const opened = await openCase(aftersale.token, { type: 'quality', orderId: order.id, reason: '洗了一次就褪色了' });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    const view = opened.body.case;
    assert.equal(view.state, 'pending');
    assert.equal(view.eligibility.eligible, false);
    assert.match(view.eligibility.reason, /浅色可能轻微褪色/, 'the listing warned about it');
    assert.match(view.eligibility.reason, /11-02 签收，11-26 申请：已超过 7 天无理由退货期/);
    assert.match(view.caseNo, /^SH20261126-/);
    assert.equal(view.assigneeId, aftersale.agent.id, 'the agent who opened it works it');
    assert.match((await getCase(view.id, aftersale.token, 'en')).eligibility.reason, /past the 7-day no-reason return period/);

    // A plain return of the same order is judged by the no-reason window alone.
    const returning = await openCase(aftersale.token, { type: 'return_refund', orderId: order.id, reason: '不想要了' });
    assert.equal(returning.body.case.eligibility.reason, '11-02 签收，11-26 申请：已超过 7 天无理由退货期');

    // Goodwill within 售后's ¥20: applied at once.
    const coupon = await compensate(view.id, aftersale.token, { kind: 'coupon', amountFen: 1000, note: '褪色安抚' });
    assert.equal(coupon.status, 200, JSON.stringify(coupon.body));
    assert.equal(coupon.body.result, 'applied');
    assert.deepEqual(
      coupon.body.case.compensations.map((c) => [c.kind, c.amountFen, c.status]),
      [['coupon', 1000, 'applied']],
    );
    const mine = await api<BuyerCasesResponse>(server.url, 'GET', '/api/v1/widget/cases', { token: buyer.token });
    const seen = mine.body.cases.find((c) => c.id === view.id)!;
    assert.deepEqual(
      seen.compensations.map((c) => [c.kind, c.amountFen]),
      [['coupon', 1000]],
    );
    assert.equal(seen.eligibility.eligible, false);
    assert.ok(
      (await buyerLines()).some((line) => line.includes('优惠券 ¥10.00')),
      'the buyer reads the coupon in the chat',
    );
  });

  it('过敏: a 质量问题 case from the widget shows the four-photo checklist; the photos bring QC and the manager calls next day', async () => {
    clock = china('2026-11-20', '20:00');
    const order = await signedOrder('2026-11-18');
    const opened = await api<BuyerCaseResponse>(server.url, 'POST', '/api/v1/widget/cases', {
      token: buyer.token,
      body: { requestId: randomUUID(), type: 'quality', orderId: order.id, reason: '用了你家的面膜后皮肤过敏了，脸上起了红疹' },
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    const mine = opened.body.case;
    assert.equal(mine.eligibility.eligible, true, mine.eligibility.reason);
    assert.equal(mine.evidence.requested, true);
    assert.deepEqual(mine.evidence.missing, ['affected_area', 'whole_product', 'packing_list', 'batch_number']);
    assert.ok(!('assigneeId' in mine) && !('timeline' in mine), "the buyer's view holds nothing internal");

    const call = (await tasksOf(owner.token, `?caseId=${mine.id}`)).find((t) => t.kind === 'follow_up_call')!;
    assert.ok(call, 'a follow-up call task exists');
    assert.equal(call.dueAt, china('2026-11-21', '10:00').toISOString(), 'the manager calls the next morning');
    assert.ok(
      (await tasksOf(owner.token)).some((t) => t.id === call.id),
      "in the manager's inbox",
    );
    assert.ok(!(await tasksOf(presale.token)).some((t) => t.id === call.id), 'not in pre-sales’');

    for (const item of ['affected_area', 'whole_product', 'packing_list', 'batch_number']) {
      const photo = await uploadPhoto(buyer);
      assert.equal(photo.status, 201);
      const filed = await api<BuyerCaseResponse>(server.url, 'POST', `/api/v1/widget/cases/${mine.id}/evidence`, {
        token: buyer.token,
        body: { item, attachmentId: photo.body.attachment.id },
      });
      assert.equal(filed.status, 200, JSON.stringify(filed.body));
    }
    const agentView = await getCase(mine.id);
    assert.deepEqual(agentView.evidence.missing, []);
    const thumbnail = await fetch(server.url + agentView.evidence.items[0]!.photos[0]!.thumbnailUrl);
    assert.equal(thumbnail.status, 200);
    assert.equal(thumbnail.headers.get('content-type'), 'image/jpeg');
    assert.equal(agentView.state, 'inspecting', 'with every photo in, the case goes to QC');
    assert.ok(
      (await tasksOf(aftersale.token)).some((t) => t.kind === 'qc_inspect' && t.caseId === mine.id),
      'QC task',
    );
    const profileCases = (
      await api<ListCasesResponse>(server.url, 'GET', `/api/v1/cases?buyerId=${buyer.buyer.id}`, { token: aftersale.token })
    ).body.cases;
    assert.ok(
      profileCases.some((c) => c.id === mine.id),
      "the buyer's cases list it",
    );
    const record = await api<CustomerProfile>(server.url, 'GET', `/api/v1/customers/${buyer.buyer.id}`, {
      token: aftersale.token,
    });
    const listed = record.body.cases?.find((c) => c.id === mine.id);
    assert.deepEqual(
      [listed?.type, listed?.state, listed?.orderNo],
      ['quality', 'inspecting', order.orderNo],
      "the buyer's customer record lists the case",
    );
  });

  it('发错货: an exchange goes to the warehouse; its tracking number reaches the case and the buyer', async () => {
    clock = china('2026-11-22');
    const order = await signedOrder('2026-11-21');
    const opened = await openCase(aftersale.token, { type: 'wrong_item', orderId: order.id, reason: '拍的是M码，收到的是L码' });
    const id = opened.body.case.id;
    const moved = await move(id, { to: 'awaiting_reship', note: '补发 M 码' });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const task = (await tasksOf(aftersale.token)).find((t) => t.kind === 'warehouse_ship' && t.caseId === id)!;
    assert.ok(task, "a warehouse task in the shipping roles' inbox");
    assert.match(task.title, new RegExp(order.orderNo));
    const missing = await api<ErrorEnvelope>(server.url, 'POST', `/api/v1/tasks/${task.id}/complete`, {
      token: aftersale.token,
      body: { requestId: randomUUID() },
    });
    assert.equal(missing.status, 400, 'the parcel is required');
    const done = await api<TaskResponse>(server.url, 'POST', `/api/v1/tasks/${task.id}/complete`, {
      token: aftersale.token,
      body: { requestId: randomUUID(), carrier: '顺丰速运', trackingNo: 'SF1234567890' },
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.task.status, 'done');
    const view = await getCase(id);
    assert.equal(view.state, 'reshipped');
    assert.equal(view.reshipTrackingNo, 'SF1234567890');
    assert.ok(
      (await buyerLines()).some((line) => line.includes('顺丰速运 SF1234567890')),
      'the buyer is told in the chat',
    );
  });

  it('goodwill beyond authority: the manager approves, the agent applies it, the audit log holds both', async () => {
    clock = china('2026-11-23');
    const order = await signedOrder('2026-11-20');
    const opened = await openCase(presale.token, { type: 'logistics', orderId: order.id, reason: '快递太慢了' });
    const id = opened.body.case.id;
    const agentStream = await StreamClient.connect(server.url.replace('http', 'ws'), presale.token).catch(() => undefined);
    const asked = await compensate(id, presale.token, { kind: 'cash', amountFen: 800, note: '运费补偿' });
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    assert.equal(asked.body.result, 'approval_requested');
    const approval = asked.body.result === 'approval_requested' ? asked.body.approval : undefined;
    assert.equal(approval?.kind, 'case.compensate');
    assert.equal(approval?.caseId, id);
    assert.match(approval?.summary ?? '', /小额打款 ¥8\.00/);
    assert.equal(asked.body.case.compensations[0]?.status, 'pending_approval');

    const early = await compensate(id, presale.token, { kind: 'cash', amountFen: 800, approvalId: approval!.id });
    assert.equal(early.status, 409, 'nothing to apply before the decision');
    const decided = await api<z.infer<typeof ApprovalResponse>>(server.url, 'POST', `/api/v1/approvals/${approval!.id}/approve`, {
      token: owner.token,
      body: { note: '可以，安抚好买家' },
    });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    const approved = await getCase(id);
    assert.equal(approved.compensations[0]?.status, 'approved');
    assert.ok(approved.timeline.some((e) => e.kind === 'compensation_approved' && e.note === '可以，安抚好买家'));
    const applied = await compensate(id, presale.token, { kind: 'cash', amountFen: 800, approvalId: approval!.id });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    assert.equal(applied.body.case.compensations[0]?.status, 'applied');
    assert.ok(
      (await tasksOf(owner.token)).some((t) => t.kind === 'finance_compensation' && t.caseId === id),
      'finance pays it',
    );
    const audit = await api<z.infer<typeof ListAuditResponse>>(
      server.url,
      'GET',
      `/api/v1/audit?targetType=case&targetId=${id}`,
      { token: owner.token },
    );
    const actions = audit.body.entries.map((e) => e.action);
    for (const action of ['case.compensation_requested', 'approval.approved', 'case.compensation_applied']) {
      assert.ok(actions.includes(action), `${action} in ${actions.join(', ')}`);
    }
    await agentStream?.close();
  });

  it('the 11-11 refund freeze refuses a refund request with its reason; the same request on 11-12 goes through', async () => {
    const policy = (
      await api<{ policy: Record<string, unknown> }>(server.url, 'GET', '/api/v1/settings/aftersale-policy', {
        token: owner.token,
      })
    ).body.policy;
    const frozen = { ...policy, refundFreezes: [{ from: '2026-11-11', to: '2026-11-11', label: '双11' }] };
    assert.equal(
      (await api(server.url, 'PUT', '/api/v1/settings/aftersale-policy', { token: aftersale.token, body: frozen })).status,
      403,
    );
    assert.equal(
      (await api(server.url, 'PUT', '/api/v1/settings/aftersale-policy', { token: owner.token, body: frozen })).status,
      200,
    );
    clock = china('2026-11-11', '15:00');
    const order = await placeOrder(server, {
      shopId,
      buyerId: buyer.buyer.id,
      product,
      status: 'paid',
      placedAt: china('2026-11-11', '00:05').toISOString(),
      paidAt: china('2026-11-11', '00:06').toISOString(),
    });
    const request = { requestId: randomUUID(), type: 'refund_only', orderId: order.id, reason: '拍错了，不想要了' };
    const refused = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/widget/cases', { token: buyer.token, body: request });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'refund_frozen');
    assert.match(refused.body.error.message, /双11.*11-12/);
    const none = await api<ListCasesResponse>(server.url, 'GET', `/api/v1/cases?orderId=${order.id}`, { token: owner.token });
    assert.deepEqual(none.body.cases, [], 'nothing was stored');
    clock = china('2026-11-12', '00:30');
    const accepted = await api<BuyerCaseResponse>(server.url, 'POST', '/api/v1/widget/cases', {
      token: buyer.token,
      body: request,
    });
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    assert.equal(accepted.body.case.eligibility.eligible, true, 'not shipped: a refund can be requested directly');
  });

  it('a case near its deadline reminds its assignee; past it, the manager sees it overdue', async () => {
    clock = china('2026-11-24', '09:00');
    const order = await signedOrder('2026-11-23');
    const view = (await openCase(aftersale.token, { type: 'wrong_item', orderId: order.id, reason: '少发了一件' })).body.case;
    assert.equal(view.deadlineAt, china('2026-11-25', '09:00').toISOString(), '发错货: 24 hours');
    const stream = await StreamClient.connect(server.url.replace('http', 'ws'), aftersale.token);
    clock = china('2026-11-25', '07:30');
    const reminded = stream.nextOfType('case.reminded', (f) => f.case.id === view.id);
    await server.app.jobs.runDue();
    const frame = await reminded;
    assert.equal(frame.assigneeId, aftersale.agent.id);
    const afterReminder = await getCase(view.id);
    assert.ok(afterReminder.remindedAt);
    assert.ok(afterReminder.timeline.some((e) => e.kind === 'deadline_reminded'));
    assert.equal(afterReminder.overdue, false);
    await stream.close();
    clock = china('2026-11-25', '09:30');
    const overdue = await api<ListCasesResponse>(server.url, 'GET', '/api/v1/cases?overdue=true', { token: owner.token });
    const listed = overdue.body.cases.find((c) => c.id === view.id);
    assert.ok(listed?.overdue, "the manager's overdue list shows it");
  });

  it('bad input changes nothing: a forbidden move, a script posing as an image, a 30 MB file, another buyer, another shop', async () => {
    clock = china('2026-11-26');
    const order = await signedOrder('2026-11-25');
    const view = (await openCase(aftersale.token, { type: 'return_refund', orderId: order.id, reason: '尺码不合适' })).body.case;
    const refused = await move<ErrorEnvelope>(view.id, { to: 'completed' });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'case_transition_forbidden');
    assert.match(refused.body.error.message, /待处理.*已完成/);
    const unchanged = await getCase(view.id);
    assert.equal(unchanged.state, 'pending');
    assert.equal(unchanged.timeline.length, view.timeline.length);

    const script = await uploadPhoto(buyer, '<script>alert(1)</script>', 'image/png');
    assert.equal(script.status, 415);
    const huge = await uploadPhoto(buyer, Buffer.alloc(30 * 1024 * 1024, 1), 'image/jpeg');
    assert.equal(huge.status, 413);
    assert.match((huge.body as unknown as ErrorEnvelope).error.message, /5 MB/, "the image route's own limit");

    // Another buyer neither sees nor files photos on it.
    const quality = await api<BuyerCaseResponse>(server.url, 'POST', '/api/v1/widget/cases', {
      token: buyer.token,
      body: { requestId: randomUUID(), type: 'quality', orderId: (await signedOrder('2026-11-25')).id, reason: '开线了' },
    });
    const theirs = await api<BuyerCasesResponse>(server.url, 'GET', '/api/v1/widget/cases', { token: otherBuyer.token });
    assert.ok(!theirs.body.cases.some((c) => c.id === quality.body.case.id));
    const photo = await uploadPhoto(otherBuyer);
    const intruding = await api<ErrorEnvelope>(server.url, 'POST', `/api/v1/widget/cases/${quality.body.case.id}/evidence`, {
      token: otherBuyer.token,
      body: { item: 'affected_area', attachmentId: photo.body.attachment.id },
    });
    assert.equal(intruding.status, 404);
    const someoneElses = await api<ErrorEnvelope>(server.url, 'POST', `/api/v1/widget/cases/${quality.body.case.id}/evidence`, {
      token: buyer.token,
      body: { item: 'affected_area', attachmentId: photo.body.attachment.id },
    });
    assert.equal(someoneElses.status, 404, "another buyer's photo cannot be filed");
    const notTheirOrder = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/widget/cases', {
      token: otherBuyer.token,
      body: { requestId: randomUUID(), type: 'return_refund', orderId: order.id, reason: '试试' },
    });
    assert.equal(notTheirOrder.status, 404);

    const other = await addOtherShop(server);
    assert.equal((await api(server.url, 'GET', `/api/v1/cases/${view.id}`, { token: other.owner.token })).status, 404);
    const otherList = await api<ListCasesResponse>(server.url, 'GET', '/api/v1/cases', { token: other.owner.token });
    assert.deepEqual(otherList.body.cases, []);
    assert.equal((await move(view.id, { to: 'awaiting_return' }, other.owner.token)).status, 404);
  });

  it('the same requestId returns the same case; reused for something else, it is refused', async () => {
    clock = china('2026-11-26');
    const order = await signedOrder('2026-11-25');
    const body = { requestId: randomUUID(), type: 'exchange', orderId: order.id, reason: '想换个颜色' };
    const first = await api<CaseResponse>(server.url, 'POST', '/api/v1/cases', { token: aftersale.token, body });
    const again = await api<CaseResponse>(server.url, 'POST', '/api/v1/cases', { token: aftersale.token, body });
    assert.equal(first.status, 201);
    assert.equal(again.body.case.id, first.body.case.id);
    const reused = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/cases', {
      token: aftersale.token,
      body: { ...body, reason: '别的' },
    });
    assert.equal(reused.status, 422);
    assert.equal(reused.body.error.code, 'request_id_reused');
    const second = await openCase<ErrorEnvelope>(aftersale.token, { type: 'exchange', orderId: order.id });
    assert.equal(second.body.error.code, 'case_open_for_order', 'one open case per type and order');
  });

  it('a return: 同意退货 with the address, the buyer sends the parcel, 已收到退货, refund, 已退款', async () => {
    clock = china('2026-11-26');
    const order = await signedOrder('2026-11-24');
    const id = (await openCase(aftersale.token, { type: 'return_refund', orderId: order.id, reason: '七天无理由' })).body.case.id;
    assert.equal((await move(id, { to: 'awaiting_return' })).status, 200);
    assert.ok((await buyerLines()).some((l) => l.includes('已同意退货') && l.includes('金牌仓')));
    const sent = await api<BuyerCaseResponse>(server.url, 'POST', `/api/v1/widget/cases/${id}/return-tracking`, {
      token: buyer.token,
      body: { carrier: '中通快递', trackingNo: 'ZT7788990011' },
    });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.case.state, 'awaiting_receipt');
    const refunding = await move(id, { to: 'awaiting_refund', refundFen: 15900 });
    assert.equal(refunding.status, 200, JSON.stringify(refunding.body));
    const lines = await buyerLines();
    assert.ok(lines.some((l) => l.includes('退货我们已收到')));
    assert.ok(lines.some((l) => l.includes('已同意退款 ¥159.00')));
    const finance = (await tasksOf(owner.token)).find((t) => t.kind === 'finance_refund' && t.caseId === id)!;
    assert.ok(finance);
    const paid = await api<TaskResponse>(server.url, 'POST', `/api/v1/tasks/${finance.id}/complete`, {
      token: owner.token,
      body: { requestId: randomUUID(), note: '已原路退回' },
    });
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
    const done: CaseView = await getCase(id);
    assert.equal(done.state, 'completed');
    assert.ok((await buyerLines()).some((l) => l.includes('已退款 ¥159.00')));
    assert.deepEqual(
      done.timeline.filter((e) => e.toState).map((e) => e.toState),
      ['awaiting_return', 'awaiting_receipt', 'awaiting_refund', 'completed'],
    );
  });

  it("the shop's system reports a refund done (aftersale.refunded): the case completes and the buyer is told", async () => {
    clock = china('2026-11-26', '15:00');
    const order = await signedOrder('2026-11-25');
    const id = (await openCase(aftersale.token, { type: 'refund_only', orderId: order.id, reason: '少发了一件，退差价' })).body
      .case.id;
    assert.equal((await move(id, { to: 'awaiting_refund', refundFen: 5000 })).status, 200);
    const view = await getCase(id);
    const reported = await push('aftersale.refunded', { caseNo: view.caseNo, refundFen: 5000, refundedAt: clock.toISOString() });
    assert.equal(reported.status, 200, JSON.stringify(reported.body));
    assert.equal(reported.body.status, 'applied');
    const done = await getCase(id);
    assert.equal(done.state, 'completed');
    assert.equal(done.timeline.at(-1)?.actor.name, '店铺系统');
    assert.ok((await buyerLines()).some((l) => l.includes(`${view.caseNo} 已退款 ¥50.00`)));
    const finance = (await tasksOf(owner.token, `?caseId=${id}`)).find((t) => t.kind === 'finance_refund');
    assert.equal(finance?.status, 'done', "finance's task is done with it");
    const again = await push('aftersale.refunded', { caseNo: view.caseNo, refundedAt: clock.toISOString() });
    assert.equal(again.body.status, 'ignored');
    assert.match(again.body.note ?? '', /已完成/);
    const unknown = await push('aftersale.refunded', { caseNo: 'SH20260101-NONE', refundedAt: clock.toISOString() });
    assert.equal(unknown.body.status, 'ignored');
  });

  it("a buyer's request reported by the shop's system (aftersale.requested) opens a case for the team", async () => {
    clock = china('2026-11-26', '16:00');
    const order = await signedOrder('2026-11-24');
    const opened = await push('aftersale.requested', {
      orderNo: order.orderNo,
      caseType: 'quality',
      reason: '拉链坏了，拉不上',
      requestedAt: clock.toISOString(),
    });
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    assert.equal(opened.body.status, 'applied');
    const cases = (
      await api<ListCasesResponse>(server.url, 'GET', `/api/v1/cases?orderId=${order.id}`, { token: aftersale.token })
    ).body.cases;
    assert.equal(cases.length, 1);
    assert.equal(cases[0]!.openedBy, 'integration');
    assert.equal(cases[0]!.assigneeId, null, "unassigned: in the team's list");
    assert.equal(cases[0]!.evidence.requested, true, 'the buyer sees the photo checklist');
    assert.ok((await buyerLines()).some((l) => l.includes(`${cases[0]!.caseNo}（质量问题）已受理`)));
    const parked = await push('aftersale.requested', {
      orderNo: 'NOT-SYNCED-YET',
      caseType: 'refund_only',
      reason: '不想要了',
      requestedAt: clock.toISOString(),
    });
    assert.equal(parked.body.status, 'parked', 'waits for its order');
  });

  it("the case page's figures: by type and state, resolve time, SLA share, refunds, goodwill per agent (managers)", async () => {
    const figures = await api<CaseFiguresResponse>(server.url, 'GET', '/api/v1/cases/figures?from=2026-11-01&to=2026-11-30', {
      token: owner.token,
    });
    assert.equal(figures.status, 200, JSON.stringify(figures.body));
    const f = figures.body.figures;
    const all = (await api<ListCasesResponse>(server.url, 'GET', '/api/v1/cases', { token: owner.token })).body.cases;
    assert.equal(f.total, all.length, 'every case of the month');
    const firstClosed = all.findIndex((c) => c.closedAt !== null);
    assert.ok(
      firstClosed > 0 && all.slice(firstClosed).every((c) => c.closedAt !== null),
      'open cases first, then the closed ones',
    );
    const open = all.slice(0, firstClosed).map((c) => c.deadlineAt);
    assert.deepEqual(open, [...open].sort(), 'open cases by deadline');
    assert.equal(
      f.byType.reduce((n, row) => n + row.open + row.closed, 0),
      all.length,
    );
    assert.ok(f.byType.some((row) => row.type === 'return_refund' && row.closed >= 1));
    const completedRefunds = all.filter((c) => c.state === 'completed').reduce((n, c) => n + (c.refundFen ?? 0), 0);
    assert.equal(f.refundFen, completedRefunds);
    assert.ok(f.refundFen >= 15900);
    assert.ok(f.averageResolveHours !== null && f.withinSlaShare !== null);
    const aftersaleGoodwill = f.compensationByAgent.find((a) => a.agentId === aftersale.agent.id);
    assert.equal(aftersaleGoodwill?.amountFen, 1000, 'the ¥10 coupon');
    const empty = await api<CaseFiguresResponse>(server.url, 'GET', '/api/v1/cases/figures?from=2025-01-01&to=2025-01-31', {
      token: owner.token,
    });
    assert.equal(empty.body.figures.total, 0);
    assert.equal(empty.body.figures.averageResolveHours, null);
    assert.equal((await api(server.url, 'GET', '/api/v1/cases/figures', { token: presale.token })).status, 403);
  });
});
