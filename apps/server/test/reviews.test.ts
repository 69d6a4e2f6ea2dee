// Reviews (评价, issue 11 item 7): reviews arrive from a file or the shop's system; 中差评 open a follow-up task linked to
// the buyer's order and chat; the outcome is recorded and counted by week; 好评返现 brings the marketplace's rule.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type {
  ImportResponse,
  ImportView,
  InboundEventResult,
  IntegrationSettings,
  ListReviewsResponse,
  ListTasksResponse,
  ReviewResponse,
  ReviewWeeksResponse,
  TaskResponse,
} from '@golddesk/contracts';
import { signPayload } from '../src/platform/security/hmac-signature.js';
import { api, loginAgent, startDemoBuyer, type BuyerSession } from './helpers/clients.js';
import { createProduct, placeOrder, type PlacedOrder } from './helpers/case-fixtures.js';
import { shopOf } from './helpers/lookups.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const china = (date: string, time = '12:00') => new Date(`${date}T${time}:00+08:00`);

describe('reviews and their follow-up', () => {
  let server: TestServer;
  const clock = china('2026-11-26');
  let owner: { token: string };
  let aftersale: { token: string };
  let presale: { token: string };
  let buyer: BuyerSession;
  let signed: PlacedOrder;
  let other: PlacedOrder;

  before(async () => {
    server = await startTestServer({ now: () => clock });
    owner = await loginAgent(server.url, 'owner');
    aftersale = await loginAgent(server.url, 'aftersale1');
    presale = await loginAgent(server.url, 'presale1');
    const shopId = (await shopOf(server.url, owner.token)).id;
    buyer = await startDemoBuyer(server.url, 'demo-buyer-001');
    const product = await createProduct(server, owner.token, '浅色棉麻连衣裙', 15900, '浅色可能轻微褪色');
    const order = (signedOn: string) =>
      placeOrder(server, {
        shopId,
        buyerId: buyer.buyer.id,
        product,
        status: 'signed',
        placedAt: china(signedOn, '08:00').toISOString(),
        paidAt: china(signedOn, '08:01').toISOString(),
        shippedAt: china(signedOn, '09:00').toISOString(),
        signedAt: china(signedOn, '14:00').toISOString(),
      });
    signed = await order('2026-11-20');
    other = await order('2026-11-21');
  });
  after(() => server.close());

  const importFile = async (csv: string) => {
    const started = await api<ImportResponse>(server.url, 'POST', '/api/v1/imports?kind=reviews', {
      token: owner.token,
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    for (let i = 0; i < 200; i++) {
      const res = await api<ImportResponse>(server.url, 'GET', `/api/v1/imports/${started.body.import.id}`, {
        token: owner.token,
      });
      if (res.body.import.status !== 'running') return res.body.import as ImportView;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  };
  const reviews = async (query = '') =>
    (await api<ListReviewsResponse>(server.url, 'GET', `/api/v1/reviews${query}`, { token: aftersale.token })).body.reviews;
  const tasks = async (token: string) => (await api<ListTasksResponse>(server.url, 'GET', '/api/v1/tasks', { token })).body.tasks;

  it('a 1-star review imported from a file opens a follow-up linked to the order and the chat; a 5-star one does not', async () => {
    const csv = [
      '订单号,评分,评价内容,评价时间',
      `${signed.orderNo},1,洗了一次就褪色了，差评！,2026-11-25 20:00:00`,
      `${other.orderNo},好评,很好看，下次还来,2026-11-25 21:00:00`,
      `${other.orderNo},很好,?,2026-11-25 21:00:00`,
    ].join('\n');
    const done = await importFile(csv);
    assert.equal(done.status, 'done');
    assert.equal(done.imported, 2);
    assert.equal(done.failed, 1);
    assert.match(done.errors[0]!.message, /第 4 行：评分「很好」无法识别/);

    const open = await reviews('?followUp=open');
    assert.equal(open.length, 1);
    const bad = open[0]!;
    assert.equal(bad.rating, 1);
    assert.equal(bad.level, 'bad');
    assert.equal(bad.orderId, signed.id);
    assert.equal(bad.buyerId, buyer.buyer.id);
    assert.equal(bad.conversationId, buyer.conversation.id, "the buyer's chat is one click away");
    assert.ok(bad.followUp && bad.followUp.status === 'open');
    const task = (await tasks(aftersale.token)).find((t) => t.id === bad.followUp!.taskId)!;
    assert.equal(task.kind, 'review_follow_up');
    assert.equal(task.orderId, signed.id);
    assert.equal(task.buyerId, buyer.buyer.id);
    assert.match(task.title, new RegExp(`1 星，订单 ${signed.orderNo}`));
    assert.ok(!(await tasks(presale.token)).some((t) => t.id === task.id), "not pre-sales' work");
    assert.equal((await reviews('?level=good')).length, 1);

    const again = await importFile(csv);
    assert.equal(again.created, 0, 'the same file again stores nothing new');
    assert.equal((await reviews()).length, 2);
  });

  it('the outcome is recorded from the task inbox or the review, and the weeks count it', async () => {
    const [bad] = await reviews('?followUp=open');
    const unnamed = await api(server.url, 'POST', `/api/v1/tasks/${bad!.followUp!.taskId}/complete`, {
      token: aftersale.token,
      body: { requestId: randomUUID(), note: '已联系' },
    });
    assert.equal(unnamed.status, 400, 'the outcome must be chosen');
    const done = await api<TaskResponse>(server.url, 'POST', `/api/v1/tasks/${bad!.followUp!.taskId}/complete`, {
      token: aftersale.token,
      body: { requestId: randomUUID(), reviewOutcome: 'explained', note: '已公开解释：商品页注明浅色可能褪色' },
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    let [settled] = await reviews('?followUp=done');
    assert.equal(settled?.outcome, 'explained');
    assert.equal(settled?.followUp?.status, 'done');
    // The buyer revised it after all: the outcome is corrected on the review.
    const corrected = await api<ReviewResponse>(server.url, 'POST', `/api/v1/reviews/${bad!.id}/outcome`, {
      token: aftersale.token,
      body: { outcome: 'revised', note: '买家已追评修改' },
    });
    assert.equal(corrected.status, 200);
    assert.equal(corrected.body.review.outcome, 'revised');
    assert.equal(corrected.body.review.outcomeNote, '买家已追评修改');
    assert.equal(
      (
        await api(server.url, 'POST', `/api/v1/reviews/${bad!.id}/outcome`, {
          token: presale.token,
          body: { outcome: 'revised' },
        })
      ).status,
      403,
    );
    [settled] = await reviews('?followUp=done');
    assert.equal(settled?.outcome, 'revised');

    const weeks = await api<ReviewWeeksResponse>(server.url, 'GET', '/api/v1/reviews/weeks?weeks=4', { token: owner.token });
    const week = weeks.body.weeks.find((w) => w.weekStart === '2026-11-23')!;
    assert.deepEqual([week.good, week.mid, week.bad, week.revised, week.open], [1, 0, 1, 1, 0]);
    assert.equal(weeks.body.cashbackRule, null, 'no 好评返现, no rule to state');
  });

  it('a review from the shop system (review.created) and the 好评返现 rule', async () => {
    const secret = (await api<IntegrationSettings>(server.url, 'GET', '/api/v1/integration', { token: owner.token })).body
      .inboundSecret;
    const body = JSON.stringify({
      id: `evt-${randomUUID()}`,
      type: 'review.created',
      occurredAt: clock.toISOString(),
      data: {
        externalId: 'tb-rate-778899',
        orderNo: other.orderNo,
        rating: 3,
        text: '一般般，颜色和图片有色差',
        reviewedAt: clock.toISOString(),
      },
    });
    const pushed = await api<InboundEventResult>(server.url, 'POST', '/api/v1/integrations/demo/events', {
      raw: body,
      headers: {
        'content-type': 'application/json',
        'x-golddesk-signature': signPayload(secret, body, Math.floor(clock.getTime() / 1000)),
      },
    });
    assert.equal(pushed.body.status, 'applied', JSON.stringify(pushed.body));
    const mid = (await reviews('?level=mid'))[0]!;
    assert.equal(mid.externalId, 'tb-rate-778899');
    assert.equal(mid.followUp?.status, 'open', '中评 is followed up too');

    const policy = (
      await api<{ policy: Record<string, unknown> }>(server.url, 'GET', '/api/v1/settings/aftersale-policy', {
        token: owner.token,
      })
    ).body.policy;
    assert.equal(
      (
        await api(server.url, 'PUT', '/api/v1/settings/aftersale-policy', {
          token: owner.token,
          body: { ...policy, goodReviewCashbackFen: 300 },
        })
      ).status,
      200,
    );
    const weeks = await api<ReviewWeeksResponse>(server.url, 'GET', '/api/v1/reviews/weeks', { token: aftersale.token });
    assert.match(weeks.body.cashbackRule ?? '', /不得以返现/);
    assert.match(weeks.body.cashbackRuleEn ?? '', /no cashback/);
  });
});
