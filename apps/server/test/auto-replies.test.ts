import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DEFAULT_SHOP_HOURS,
  type ActivePromotionsResponse,
  type AuditEntry,
  type AutoRepliesResponse,
  type AutoReplyResponse,
  type AutoReplyRule,
  type ErrorEnvelope,
  type ListAuditResponse,
  type ListConversationsResponse,
  type ListMessagesResponse,
  type PromotionResponse,
  type PromotionsResponse,
  type PromotionView,
  type ShopHours,
  type ShopHoursResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { runDueDelayedReplies, settleAutoReplies } from '../src/modules/auto-replies/index.js';
import { describeActivePromotions } from '../src/modules/promotions/index.js';
import { isQuietTime, isWithinBusinessHours, nextTimeOutsideQuiet } from '../src/modules/shop-hours/index.js';
import { agentSays, api, buyerSays, loginAgent, startBuyer, until } from './helpers/clients.js';
import { shopOf } from './helpers/lookups.js';
import { addOtherShop } from './helpers/other-shop.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/** China time (UTC+8) → epoch ms. */
const china = (local: string) => Date.parse(`${local}+08:00`);

describe('shop hours (China time)', () => {
  const hours: ShopHours = {
    ...DEFAULT_SHOP_HOURS,
    sameEveryDay: false,
    weekly: [
      { closed: false, open: '09:00', close: '18:00' },
      { closed: false, open: '09:00', close: '18:00' },
      { closed: false, open: '09:00', close: '18:00' },
      { closed: false, open: '09:00', close: '18:00' },
      { closed: false, open: '20:00', close: '02:00' }, // Friday runs past midnight
      { closed: false, open: '10:00', close: '16:00' },
      { closed: true, open: '09:00', close: '18:00' },
    ],
    holidays: [{ date: '2026-11-11', label: '双11 大促' }],
  };

  it('business hours per weekday, past midnight, closed days and holidays', () => {
    assert.equal(isWithinBusinessHours(hours, new Date(china('2026-11-05T10:00:00'))), true, 'Thursday 10:00');
    assert.equal(isWithinBusinessHours(hours, new Date(china('2026-11-05T18:00:00'))), false, 'closing time is outside');
    assert.equal(isWithinBusinessHours(hours, new Date(china('2026-11-06T23:30:00'))), true, 'Friday night window');
    assert.equal(isWithinBusinessHours(hours, new Date(china('2026-11-07T01:30:00'))), true, 'Friday window after midnight');
    assert.equal(isWithinBusinessHours(hours, new Date(china('2026-11-07T02:30:00'))), false);
    assert.equal(isWithinBusinessHours(hours, new Date(china('2026-11-08T12:00:00'))), false, 'Sunday closed');
    assert.equal(isWithinBusinessHours(hours, new Date(china('2026-11-11T10:00:00'))), false, 'holiday');
    assert.equal(isWithinBusinessHours(DEFAULT_SHOP_HOURS, new Date(china('2026-11-08T22:59:00'))), true, 'default 09:00–23:00');
    assert.equal(isWithinBusinessHours(DEFAULT_SHOP_HOURS, new Date(china('2026-11-08T08:59:00'))), false);
  });

  it('quiet hours 23:00–08:00 by default and the next moment outside them', () => {
    assert.equal(isQuietTime(DEFAULT_SHOP_HOURS, new Date(china('2026-11-05T22:55:00'))), false);
    assert.equal(isQuietTime(DEFAULT_SHOP_HOURS, new Date(china('2026-11-05T23:00:00'))), true);
    assert.equal(isQuietTime(DEFAULT_SHOP_HOURS, new Date(china('2026-11-06T07:59:00'))), true);
    assert.equal(
      nextTimeOutsideQuiet(DEFAULT_SHOP_HOURS, new Date(china('2026-11-05T23:05:00'))).getTime(),
      china('2026-11-06T08:00:00'),
    );
    assert.equal(
      nextTimeOutsideQuiet(DEFAULT_SHOP_HOURS, new Date(china('2026-11-06T03:00:00'))).getTime(),
      china('2026-11-06T08:00:00'),
    );
    const noon = new Date(china('2026-11-06T12:00:00'));
    assert.equal(nextTimeOutsideQuiet(DEFAULT_SHOP_HOURS, noon).getTime(), noon.getTime());
  });
});

describe('auto-replies and promotions', () => {
  let server: TestServer;
  // Thursday 2026-11-05 10:00 China time: inside the default business hours.
  let clock = china('2026-11-05T10:00:00');
  let owner: { token: string };
  let presale: { token: string };
  const app = () => server.app.context;
  const db = () => app().storage.db;

  before(async () => {
    server = await startTestServer({ now: () => new Date(clock) });
    owner = await loginAgent(server.url, 'owner');
    presale = await loginAgent(server.url, 'presale1');
    // The demo shop's own rules stay out of the way: each test switches on only what it checks.
    const rules = (
      await api<z.infer<typeof AutoRepliesResponse>>(server.url, 'GET', '/api/v1/auto-replies', { token: owner.token })
    ).body.rules;
    for (const rule of rules) await saveRule({ ...rule, enabled: false }, rule.id);
    await saveRule({ kind: 'keyword', name: '哨兵', keywords: ['zz哨兵'], match: 'exact', priority: 9999, text: '哨兵到' });
  });
  after(() => server.close());

  async function saveRule(body: Record<string, unknown>, id?: string, token = owner.token) {
    const { stats: _s, id: _i, updatedAt: _u, ...input } = body;
    const response = await api<z.infer<typeof AutoReplyResponse>>(
      server.url,
      id ? 'PUT' : 'POST',
      id ? `/api/v1/auto-replies/${id}` : '/api/v1/auto-replies',
      {
        token,
        body: input,
      },
    );
    if (token === owner.token) assert.equal(response.status, 200, JSON.stringify(response.body));
    return response;
  }
  /** Adds a keyword rule, or rewrites the shop's one welcome / offline / busy / delayed rule. */
  async function rule(body: Record<string, unknown>) {
    const existing =
      body.kind === 'keyword'
        ? undefined
        : (
            await api<z.infer<typeof AutoRepliesResponse>>(server.url, 'GET', '/api/v1/auto-replies', { token: owner.token })
          ).body.rules.find((r: AutoReplyRule) => r.kind === body.kind);
    return (await saveRule(body, existing?.id)).body.rule;
  }
  const disable = (r: AutoReplyRule) => saveRule({ ...r, enabled: false }, r.id);
  const messages = async (conversationId: string) =>
    (
      await api<ListMessagesResponse>(
        server.url,
        'GET',
        `/api/v1/conversations/${conversationId}/messages?afterSeq=0&limit=200`,
        { token: owner.token },
      )
    ).body.messages;
  const botLines = async (conversationId: string) =>
    (await messages(conversationId)).filter((m) => m.sender === 'bot' && m.body !== '哨兵到').map((m) => m.body);
  /**
   * Waits until automation has handled everything this buyer wrote so far: the sentinel line is answered only after
   * the messages before it (one conversation is handled in order), whichever process hears the event.
   */
  async function drain(buyer: { token: string; conversation: { id: string } }) {
    const count = async () => (await messages(buyer.conversation.id)).filter((m) => m.body === '哨兵到').length;
    const before = await count();
    await buyerSays(server.url, buyer.token, 'zz哨兵');
    await until(async () => (await count()) > before);
    assert.equal(await count(), before + 1, 'the sentinel was answered');
    await settleAutoReplies(app());
  }

  it('a keyword rule answers once per matching buyer message, by priority, contains / exact, case and width tolerant', async () => {
    const invoice = await rule({
      kind: 'keyword',
      name: '发票',
      keywords: ['发票'],
      priority: 10,
      text: '亲，我们支持开具电子发票，下单后可申请开票～',
    });
    const billing = await rule({
      kind: 'keyword',
      name: '开票',
      keywords: ['发票', '开票', 'VIP'],
      priority: 20,
      text: '开票请联系财务',
    });
    const here = await rule({ kind: 'keyword', name: '在吗', keywords: ['在吗'], match: 'exact', priority: 5, text: '在的亲' });
    const buyer = await startBuyer(server.url);
    await buyerSays(server.url, buyer.token, '可以开发票吗');
    await until(async () => (await botLines(buyer.conversation.id)).length === 1);
    await buyerSays(server.url, buyer.token, '能开票吗');
    await buyerSays(server.url, buyer.token, 'ｖｉｐ有折扣吗');
    await buyerSays(server.url, buyer.token, '在吗？');
    await buyerSays(server.url, buyer.token, '请问在吗，想问问颜色');
    await drain(buyer);
    assert.deepEqual(await botLines(buyer.conversation.id), [
      '亲，我们支持开具电子发票，下单后可申请开票～', // priority 10 beats 20; its own text holds 发票 and 开票 and triggers nothing
      '开票请联系财务',
      '开票请联系财务', // full-width ｖｉｐ matches VIP
      '在的亲', // exact, trailing punctuation ignored; "请问在吗…" does not match exactly
    ]);
    const list = await messages(buyer.conversation.id);
    const reply = list.find((m) => m.body.startsWith('亲，我们支持'))!;
    assert.equal(
      reply.seq,
      list.find((m) => m.body === '可以开发票吗')!.seq + 1,
      'numbered in the conversation right after the question',
    );

    // An agent's message with the keyword triggers nothing.
    await agentSays(server.url, presale.token, buyer.conversation.id, '发票的事我来处理');
    await drain(buyer);
    assert.equal((await botLines(buyer.conversation.id)).length, 4);

    const stats = (
      await api<z.infer<typeof AutoRepliesResponse>>(server.url, 'GET', '/api/v1/auto-replies', { token: presale.token })
    ).body.rules;
    const hits = (id: string) => stats.find((r: AutoReplyRule) => r.id === id)!.stats;
    assert.equal(hits(invoice.id).hits, 1);
    assert.equal(hits(billing.id).hits, 2);
    assert.equal(hits(here.id).hits, 1);
    assert.equal(hits(invoice.id).byDay.at(-1)?.day, '2026-11-05');
    assert.equal(hits(invoice.id).byDay.at(-1)?.hits, 1);
    assert.equal(hits(invoice.id).byDay.length, 14);
    assert.ok(hits(invoice.id).lastHitAt);
    for (const r of [invoice, billing, here]) await disable(r);
  });

  it('a cooldown keeps the same rule from answering the same conversation again within X minutes', async () => {
    const shipping = await rule({
      kind: 'keyword',
      name: '发货',
      keywords: ['发货'],
      cooldownMinutes: 10,
      text: '48 小时内发货',
    });
    const buyer = await startBuyer(server.url);
    await buyerSays(server.url, buyer.token, '什么时候发货');
    await buyerSays(server.url, buyer.token, '今天能发货吗');
    await drain(buyer);
    assert.deepEqual(await botLines(buyer.conversation.id), ['48 小时内发货']);
    clock += 11 * 60_000;
    await buyerSays(server.url, buyer.token, '还没发货吗');
    await drain(buyer);
    assert.deepEqual(await botLines(buyer.conversation.id), ['48 小时内发货', '48 小时内发货']);
    await disable(shipping);
  });

  it('a welcome rule greets once per first contact with the active promotions, and again after N silent hours', async () => {
    const welcome = await rule({
      kind: 'welcome',
      name: '欢迎',
      afterHours: 2,
      text: '欢迎{买家昵称}！\n本店活动：{店铺活动}\n{活动链接}',
    });
    const buyer = await startBuyer(server.url);
    const nick = buyer.buyer.nick;
    await buyerSays(server.url, buyer.token, '你好');
    await buyerSays(server.url, buyer.token, '在不在');
    await drain(buyer);
    const lines = await botLines(buyer.conversation.id);
    assert.equal(lines.length, 1, 'not again on the next message');
    assert.match(lines[0]!, new RegExp(`^欢迎${nick}！\\n本店活动：双11预售：定金 50 抵 100`));
    assert.match(lines[0]!, /满 88 包邮/);
    assert.match(lines[0]!, /双11预售 https:\/\/example\.com\/demo-shop\/presale/, 'links of the active promotions');
    const first = (await messages(buyer.conversation.id)).find((m) => m.sender === 'bot' && m.body !== '哨兵到')!;
    assert.ok(first.seq > 1, 'the greeting follows the first message in the numbering');

    clock += 3 * 3_600_000;
    await buyerSays(server.url, buyer.token, '我又来了');
    await drain(buyer);
    assert.equal((await botLines(buyer.conversation.id)).length, 2, 'a new contact after 3 silent hours');
    await disable(welcome);
  });

  it('offline replies outside business hours and on holidays only', async () => {
    const hours: ShopHours = {
      ...DEFAULT_SHOP_HOURS,
      sameEveryDay: true,
      weekly: DEFAULT_SHOP_HOURS.weekly.map(() => ({ closed: false, open: '09:00', close: '18:00' })),
      holidays: [{ date: '2026-11-11', label: '双11' }],
    };
    assert.equal((await api(server.url, 'PUT', '/api/v1/shop-hours', { token: presale.token, body: hours })).status, 403);
    const saved = await api(server.url, 'PUT', '/api/v1/shop-hours', { token: owner.token, body: hours });
    assert.equal(saved.status, 200);
    const offline = await rule({ kind: 'offline', name: '下班', cooldownMinutes: 60, text: '亲，客服已下班，明早 9 点回复您' });
    const buyer = await startBuyer(server.url);

    clock = china('2026-11-06T10:00:00');
    assert.equal(
      (await api<z.infer<typeof ShopHoursResponse>>(server.url, 'GET', '/api/v1/shop-hours', { token: presale.token })).body
        .openNow,
      true,
    );
    await buyerSays(server.url, buyer.token, '白天来问');
    await drain(buyer);
    assert.deepEqual(await botLines(buyer.conversation.id), [], 'inside business hours: no offline reply');

    clock = china('2026-11-06T20:00:00');
    await buyerSays(server.url, buyer.token, '晚上来问');
    await drain(buyer);
    assert.deepEqual(await botLines(buyer.conversation.id), ['亲，客服已下班，明早 9 点回复您']);

    clock = china('2026-11-11T10:00:00');
    assert.equal(
      (await api<z.infer<typeof ShopHoursResponse>>(server.url, 'GET', '/api/v1/shop-hours', { token: presale.token })).body
        .openNow,
      false,
    );
    await buyerSays(server.url, buyer.token, '双11 白天来问');
    await drain(buyer);
    assert.equal((await botLines(buyer.conversation.id)).length, 2, 'a holiday counts as closed');

    await disable(offline);
    clock = china('2026-11-12T10:00:00');
    await api(server.url, 'PUT', '/api/v1/shop-hours', { token: owner.token, body: DEFAULT_SHOP_HOURS });
  });

  it('busy replies when the waiting queue is longer than N', async () => {
    // The queue starts empty: the owner takes every buyer already waiting (the demo's and earlier tests'), so the
    // queue is exactly the buyers this test makes wait, in the order it makes them.
    const listed = await api<ListConversationsResponse>(server.url, 'GET', '/api/v1/conversations?filter=waiting&limit=500', {
      token: owner.token,
    });
    for (const conversation of listed.body.conversations as { id: string }[]) {
      const taken = await api(server.url, 'POST', `/api/v1/conversations/${conversation.id}/assign`, { token: owner.token });
      assert.equal(taken.status, 200, JSON.stringify(taken.body));
    }
    const busy = await rule({
      kind: 'busy',
      name: '排队',
      maxQueue: 2,
      cooldownMinutes: 10,
      text: '亲，咨询的人较多，请稍等',
    });
    const buyers = [await startBuyer(server.url), await startBuyer(server.url), await startBuyer(server.url)];
    for (const buyer of buyers) {
      await buyerSays(server.url, buyer.token, '有人吗');
      await drain(buyer);
    }
    assert.deepEqual(await botLines(buyers[0]!.conversation.id), [], 'queue 1 is not over 2');
    assert.deepEqual(await botLines(buyers[1]!.conversation.id), [], 'queue 2 is not over 2');
    assert.deepEqual(await botLines(buyers[2]!.conversation.id), ['亲，咨询的人较多，请稍等'], 'queue 3 is over 2');
    await disable(busy);
  });

  it('a delayed reply goes out once N seconds after an unanswered buyer message, never after an agent replied', async () => {
    const delayed = await rule({ kind: 'delayed', name: '延时', delaySeconds: 30, text: '客服马上就来，请稍等～' });
    const waiting = await startBuyer(server.url);
    const answered = await startBuyer(server.url);
    await buyerSays(server.url, waiting.token, '请问有货吗');
    await buyerSays(server.url, answered.token, '请问有货吗');
    await drain(waiting);
    await drain(answered);
    await buyerSays(server.url, waiting.token, '还有一个问题', undefined);
    await drain(waiting);
    clock += 5_000;
    await agentSays(server.url, presale.token, answered.conversation.id, '有货的亲');
    clock += 10_000;
    assert.equal(await runDueDelayedReplies(app()), 0, 'not yet due');
    clock += 25_000;
    // Two workers at once (as on two processes, beside this server's own interval): the reply is still sent once.
    const sent = await Promise.all([runDueDelayedReplies(app()), runDueDelayedReplies(app())]);
    assert.ok(sent[0]! + sent[1]! <= 1);
    await until(async () => (await botLines(waiting.conversation.id)).length > 0);
    assert.equal(await runDueDelayedReplies(app()), 0);
    assert.deepEqual(await botLines(waiting.conversation.id), ['客服马上就来，请稍等～'], 'once, though the buyer wrote twice');
    assert.deepEqual(await botLines(answered.conversation.id), [], 'the agent answered in time');
    // why: whether a pending reply ended as sent or answered is kept for the figures only; no API shows it.
    const pending = await db()
      .selectFrom('auto_reply_pending')
      .select(['conversation_id', 'status'])
      .where('rule_id', '=', delayed.id)
      .execute();
    assert.deepEqual(pending.map((p) => p.status).sort(), ['answered', 'sent']);
    await disable(delayed);
  });

  it("only the owner and managers change rules, every change is audited, and shops never see each other's rules", async () => {
    const forbidden = await saveRule({ kind: 'keyword', name: 'x', keywords: ['x'], text: 'x' }, undefined, presale.token);
    assert.equal(forbidden.status, 403);
    const noKeywords = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/auto-replies', {
      token: owner.token,
      body: { kind: 'keyword', name: '空', keywords: [], text: '…' },
    });
    assert.equal(noKeywords.status, 400);
    assert.equal(noKeywords.body.error.code, 'auto_reply_keywords_required');
    const tooMany = await api(server.url, 'POST', '/api/v1/auto-replies', {
      token: owner.token,
      body: { kind: 'keyword', name: '多', keywords: Array.from({ length: 11 }, (_, i) => `k${i}`), text: '…' },
    });
    assert.equal(tooMany.status, 400);
    const secondWelcome = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/auto-replies', {
      token: owner.token,
      body: { kind: 'welcome', name: '又一个', text: '你好' },
      headers: { 'accept-language': 'en' },
    });
    assert.equal(secondWelcome.status, 409);
    assert.match(secondWelcome.body.error.message, /only one welcome rule/);

    const color = await rule({ kind: 'keyword', name: '色号', keywords: ['色号'], text: '亲，色号请看详情页第 3 张图～' });
    const audit = (
      await api<z.infer<typeof ListAuditResponse>>(
        server.url,
        'GET',
        `/api/v1/audit?targetType=auto_reply&targetId=${color.id}`,
        { token: owner.token },
      )
    ).body.entries;
    assert.equal(audit[0]?.action, 'auto_reply.created');

    const other = await addOtherShop(server);
    const theirs = (
      await api<z.infer<typeof AutoRepliesResponse>>(server.url, 'GET', '/api/v1/auto-replies', { token: other.owner.token })
    ).body.rules;
    assert.deepEqual(theirs, [], 'the other shop sees none of ours');
    const touch = await api(server.url, 'PUT', `/api/v1/auto-replies/${color.id}`, {
      token: other.owner.token,
      body: { kind: 'keyword', name: '抢', keywords: ['色号'], text: '别家' },
    });
    assert.equal(touch.status, 404);
    const gone = await api(server.url, 'DELETE', `/api/v1/auto-replies/${color.id}`, { token: other.owner.token });
    assert.equal(gone.status, 404);
    // Their keyword rule never answers our buyers.
    await api(server.url, 'POST', '/api/v1/auto-replies', {
      token: other.owner.token,
      body: { kind: 'keyword', name: '色号', keywords: ['色号'], text: '别家的回复' },
    });
    const buyer = await startBuyer(server.url);
    await buyerSays(server.url, buyer.token, '这个色号显白吗');
    await drain(buyer);
    assert.deepEqual(await botLines(buyer.conversation.id), ['亲，色号请看详情页第 3 张图～']);

    const deleted = await api(server.url, 'DELETE', `/api/v1/auto-replies/${color.id}`, { token: owner.token });
    assert.equal(deleted.status, 200);
    const afterDelete = (
      await api<z.infer<typeof ListAuditResponse>>(
        server.url,
        'GET',
        `/api/v1/audit?targetType=auto_reply&targetId=${color.id}`,
        { token: owner.token },
      )
    ).body.entries;
    assert.equal(afterDelete[0]?.action, 'auto_reply.deleted');
  });

  it('promotions: active by date, one line for {店铺活动}, CRUD by the owner and managers only', async () => {
    const now = new Date(clock);
    const shop = await shopId();
    const line = await describeActivePromotions(db(), shop, now, 'zh-CN');
    const md = (days: number) => new Date(clock + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(5, 10);
    // The demo set was seeded on 11-05; seven days later the presale has ended.
    assert.equal(line, '全店满减：满 199 减 20；新粉专享券：5 元无门槛优惠券（关注店铺即可领取）；满 88 包邮');
    const list = (
      await api<z.infer<typeof PromotionsResponse>>(server.url, 'GET', '/api/v1/promotions', { token: presale.token })
    ).body.promotions;
    assert.equal(list.find((p: PromotionView) => p.title === '双11预售')?.status, 'ended');
    assert.equal(list.find((p: PromotionView) => p.title === '国庆焕新季')?.status, 'ended');

    const body = {
      kind: 'presale',
      title: '双12预售',
      depositFen: 2000,
      amountFen: 5000,
      link: 'https://example.com/d12',
      startsAt: new Date(clock - 86_400_000).toISOString(),
      endsAt: new Date(clock + 5 * 86_400_000).toISOString(),
    };
    assert.equal((await api(server.url, 'POST', '/api/v1/promotions', { token: presale.token, body })).status, 403);
    const backwards = await api<ErrorEnvelope>(server.url, 'POST', '/api/v1/promotions', {
      token: owner.token,
      body: { ...body, endsAt: body.startsAt },
    });
    assert.equal(backwards.status, 400);
    assert.equal(backwards.body.error.code, 'promotion_dates_invalid');
    const badLink = await api(server.url, 'POST', '/api/v1/promotions', {
      token: owner.token,
      body: { ...body, link: 'javascript:alert(1)' },
    });
    assert.equal(badLink.status, 400);
    const created = await api<z.infer<typeof PromotionResponse>>(server.url, 'POST', '/api/v1/promotions', {
      token: owner.token,
      body,
    });
    assert.equal(created.status, 200);
    assert.equal(created.body.promotion.status, 'active');
    assert.equal(created.body.promotion.summary, `双12预售：定金 20 抵 50（${md(-1)} 至 ${md(5)}）`);
    const upcoming = await api<z.infer<typeof PromotionResponse>>(server.url, 'POST', '/api/v1/promotions', {
      token: owner.token,
      body: {
        kind: 'free_shipping',
        title: '全场包邮日',
        thresholdFen: 0,
        startsAt: new Date(clock + 2 * 86_400_000).toISOString(),
        endsAt: new Date(clock + 3 * 86_400_000).toISOString(),
      },
    });
    assert.equal(upcoming.body.promotion.status, 'upcoming');

    const active = (
      await api<z.infer<typeof ActivePromotionsResponse>>(server.url, 'GET', '/api/v1/promotions/active', {
        token: presale.token,
      })
    ).body;
    assert.equal(
      active.summary,
      `双12预售：定金 20 抵 50（${md(-1)} 至 ${md(5)}）；全店满减：满 199 减 20；新粉专享券：5 元无门槛优惠券（关注店铺即可领取）；满 88 包邮`,
    );
    assert.ok(!active.promotions.some((p: PromotionView) => p.title === '全场包邮日'), 'not yet started');
    const english = await api<z.infer<typeof ActivePromotionsResponse>>(server.url, 'GET', '/api/v1/promotions/active', {
      token: presale.token,
      headers: { 'accept-language': 'en' },
    });
    assert.match(english.body.summary, /¥20 off orders over ¥199/);

    clock += 2.5 * 86_400_000;
    assert.match(
      await describeActivePromotions(db(), shop, new Date(clock), 'zh-CN'),
      /；满 88 包邮；全场包邮日$/,
      'a title that already says the offer is not repeated',
    );

    const changed = await api<z.infer<typeof PromotionResponse>>(
      server.url,
      'PUT',
      `/api/v1/promotions/${created.body.promotion.id}`,
      {
        token: owner.token,
        body: { ...body, title: '双12预售（改）' },
      },
    );
    assert.equal(changed.body.promotion.title, '双12预售（改）');
    const other = await addOtherShop(server, 'other2');
    assert.deepEqual(
      (await api<z.infer<typeof PromotionsResponse>>(server.url, 'GET', '/api/v1/promotions', { token: other.owner.token })).body
        .promotions,
      [],
    );
    assert.equal(
      (await api(server.url, 'DELETE', `/api/v1/promotions/${created.body.promotion.id}`, { token: other.owner.token })).status,
      404,
    );
    assert.equal(
      (await api(server.url, 'DELETE', `/api/v1/promotions/${created.body.promotion.id}`, { token: owner.token })).status,
      200,
    );
    const audit = (
      await api<z.infer<typeof ListAuditResponse>>(
        server.url,
        'GET',
        `/api/v1/audit?targetType=promotion&targetId=${created.body.promotion.id}`,
        {
          token: owner.token,
        },
      )
    ).body.entries;
    assert.deepEqual(
      audit.map((e: AuditEntry) => e.action),
      ['promotion.deleted', 'promotion.updated', 'promotion.created'],
    );
  });

  async function shopId() {
    return (await shopOf(server.url, owner.token)).id;
  }
});
