// Quick replies the way an agent's day uses them (issue #9): pinyin and initials find a phrase, the buyer's question
// and orders rank it, a phrase only offers what can be filled, the shop's facts come from promotions and hours (the
// same values the auto-replies use), a new shop starts with a phrase for each common question, and the server never
// lets an unfilled {变量} reach a buyer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  rankQuickReplies,
  type AutoReplyPreviewResponse,
  type AutoReplyRule,
  type ErrorEnvelope,
  type LoginResponse,
  type PromotionView,
  type QuickReplyPreview,
  type QuickReplyPreviewResponse,
  type QuickReplyVariables,
  type QuickReplyView,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { api, buyerSays, loginAgent, startBuyer, startDemoBuyer, type BuyerSession } from './helpers/clients.js';
import { customerProfile } from './helpers/lookups.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

type Agent = { token: string; agent: { id: string; name: string } };

describe('quick replies: pinyin, situation, facts from one place, a default library', () => {
  let server: TestServer;
  let owner: Agent;
  let presale: Agent;
  let xiaolu: BuyerSession;

  const phrases = async (token = presale.token) =>
    (await api<{ quickReplies: QuickReplyView[] }>(server.url, 'GET', '/api/v1/quick-replies', { token })).body.quickReplies;
  const variables = async (conversationId: string, token = presale.token) =>
    (
      await api<QuickReplyVariables>(server.url, 'GET', `/api/v1/quick-replies/variables?conversationId=${conversationId}`, {
        token,
      })
    ).body;
  const preview = async (code: string, conversationId: string) => {
    const phrase = (await phrases()).find((p) => p.code === code)!;
    return (
      await api<z.infer<typeof QuickReplyPreviewResponse>>(
        server.url,
        'GET',
        `/api/v1/quick-replies/${phrase.id}/preview?conversationId=${conversationId}`,
        {
          token: presale.token,
        },
      )
    ).body.preview;
  };
  /** 小鹿乱撞's orders, as her profile in the right pane lists them. */
  const xiaoluOrders = async () => (await customerProfile(server.url, owner.token, xiaolu.buyer.id)).orders;
  /** What the chat box's picker offers first for `keys` typed after `/`, for this conversation. */
  const pickerTop = async (conversationId: string, keys: string) =>
    rankQuickReplies(await phrases(), keys, { variables: await variables(conversationId) }).map((p) => p.code as string);

  before(async () => {
    server = await startTestServer();
    owner = await loginAgent(server.url, 'owner');
    presale = await loginAgent(server.url, 'presale1');
    // 小鹿乱撞 has an unpaid and a shipped order.
    xiaolu = await startDemoBuyer(server.url, 'demo-buyer-001');
  });
  after(() => server.close());

  it('finds a phrase by full pinyin, initials or a mix of both, computed once per code', async () => {
    const list = await phrases();
    assert.deepEqual(list.find((p) => p.code === '发货时间')!.pinyin, ['fa', 'huo', 'shi', 'jian']);
    assert.deepEqual(list.find((p) => p.code === '查物流')!.pinyin, ['cha', 'wu', 'liu']);
    const search = async (q: string) =>
      (
        await api<{ quickReplies: QuickReplyView[] }>(server.url, 'GET', `/api/v1/quick-replies?q=${q}`, { token: presale.token })
      ).body.quickReplies.map((p: QuickReplyView) => p.code);
    assert.equal((await search('fahuo'))[0], '发货', 'the whole pinyin is an exact match');
    assert.deepEqual((await search('fh')).slice(0, 2), ['发货', '发货时间'], 'initials, the shorter code first');
    assert.equal((await search('fahsj'))[0], '发货时间', 'full and initial syllables mixed');
    assert.equal((await search('cwl'))[0], '查物流');
    assert.ok((await search('wl')).includes('查物流'), 'initials from a later syllable still match, lower');
    assert.deepEqual(await search('xyz'), []);
  });

  it('fills order variables from the order that has them: the shipped one for logistics, not the newer unpaid one', async () => {
    const orders = await xiaoluOrders();
    const shipped = orders.find((o) => o.status === 'shipped')!;
    assert.ok(
      shipped && orders.some((o) => o.status === 'pending_payment'),
      'the seed gives 小鹿乱撞 an unpaid and a shipped order',
    );
    const result = await preview('查物流', xiaolu.conversation.id);
    assert.deepEqual(result.missing, []);
    assert.equal(
      result.text,
      `亲，已为您查询订单 ${shipped.orderNo}，${shipped.carrier} 运单号 ${shipped.trackingNo}，包裹正在运输途中，我们会持续帮您关注的哦～`,
    );
    const vars = await variables(xiaolu.conversation.id);
    assert.deepEqual(
      { unpaid: vars.situation?.unpaidOrder, shipped: vars.situation?.shippedOrder },
      { unpaid: true, shipped: true },
    );
  });

  it('ranks phrases that can be filled first, then by what the buyer just asked', async () => {
    const fresh = await startBuyer(server.url); // no orders: 发货 ({订单号} {物流公司} {物流单号}) cannot be filled
    assert.equal((await buyerSays(server.url, fresh.token, '你好，请问什么时候发货呀')).status, 201);
    const freshTop = await pickerTop(fresh.conversation.id, '发货');
    assert.equal(freshTop[0], '发货时间', `a fillable phrase before the exact code that cannot be filled: ${freshTop.join(',')}`);
    assert.ok(freshTop.includes('发货'), 'the unfillable phrase is still offered, lower');
    const vars = await variables(fresh.conversation.id);
    assert.ok(vars.situation?.words.includes('发货') && vars.situation.words.includes('时间'), vars.situation?.words.join(','));

    // 小鹿乱撞's 发货 can be filled; her question decides between 发货 and 发货时间.
    assert.equal((await buyerSays(server.url, xiaolu.token, '什么时候发货')).status, 201);
    assert.equal((await pickerTop(xiaolu.conversation.id, 'fh'))[0], '发货时间');
    assert.equal((await buyerSays(server.url, xiaolu.token, '我的快递到哪了')).status, 201);
    const top = (await pickerTop(xiaolu.conversation.id, ''))[0]!;
    assert.ok(['查物流', '发货'].includes(top), `with nothing typed, a phrase about her parcel first: ${top}`);
    const shipped = (await xiaoluOrders()).find((o) => o.status === 'shipped')!;
    assert.ok((await preview(top, xiaolu.conversation.id)).text.includes(shipped.trackingNo!));
  });

  it('answers each of the ten common questions with ≤ 2 letters + Enter, fully filled', async () => {
    const orders = await xiaoluOrders();
    const shipped = orders.find((o) => o.status === 'shipped')!;
    const ten: [string, string, string, RegExp?][] = [
      ['什么时候发货', 'fh', '发货时间'],
      ['发什么快递', 'kd', '快递'],
      ['包邮吗？能便宜点吗', 'by', '包邮', /满 88 元包邮/],
      ['有没有赠品', 'zp', '赠品'],
      ['165/50 穿什么码', 'cm', '尺码'],
      ['有现货吗', 'xh', '现货'],
      ['我的快递到哪了', 'cw', '查物流', new RegExp(`${shipped.orderNo}.*${shipped.trackingNo}`)],
      ['怎么退货', 'th', '退换'],
      ['质量有问题怎么办', 'zl', '质量'],
      ['能开发票吗', 'fp', '发票'],
    ];
    for (const [question, keys, code, filled] of ten) {
      assert.equal((await buyerSays(server.url, xiaolu.token, question)).status, 201);
      const top = await pickerTop(xiaolu.conversation.id, keys);
      assert.equal(top[0], code, `${question}: /${keys} offers ${top.slice(0, 3).join(',')}`);
      const text = (await preview(code, xiaolu.conversation.id)).text as string;
      assert.doesNotMatch(text, /[{}]/, `${question}: ${text}`);
      if (filled) assert.match(text, filled);
    }
  });

  it('takes 包邮门槛 and 营业时间 from 店铺活动 and 营业时间: changing the promotion changes the phrase and the auto-replies alike', async () => {
    const vars = await variables(xiaolu.conversation.id);
    assert.equal(vars.values.包邮门槛, '满 88 元');
    assert.equal(vars.values.营业时间, '每天 09:00-23:00');
    const welcome = async () =>
      (
        await api<z.infer<typeof AutoReplyPreviewResponse>>(server.url, 'POST', '/api/v1/auto-replies/preview', {
          token: owner.token,
          body: { text: '本店正在进行：{店铺活动}\n亲，本店{包邮门槛}包邮，客服在线时间是{营业时间}' },
        })
      ).body.text as string;
    assert.match(await welcome(), /满 88 包邮[\s\S]*本店满 88 元包邮/);

    const promotions = (
      await api<{ promotions: PromotionView[] }>(server.url, 'GET', '/api/v1/promotions', { token: owner.token })
    ).body.promotions;
    const free = promotions.find((p) => p.kind === 'free_shipping' && p.status === 'active')!;
    const { id, status: _s, summary: _m, updatedAt: _u, ...body } = free;
    assert.equal(
      (
        await api(server.url, 'PUT', `/api/v1/promotions/${id}`, {
          token: owner.token,
          body: { ...body, thresholdFen: 6600, title: '满66包邮' },
        })
      ).status,
      200,
    );
    const weekly = Array.from({ length: 7 }, (_, day) =>
      day < 5 ? { closed: false, open: '09:00', close: '18:00' } : { closed: true, open: '09:00', close: '18:00' },
    );
    const hours = await api(server.url, 'PUT', '/api/v1/shop-hours', {
      token: owner.token,
      body: { sameEveryDay: false, weekly, holidays: [], quietHours: { start: '23:00', end: '08:00' } },
    });
    assert.equal(hours.status, 200, JSON.stringify(hours.body));

    assert.equal(
      (await preview('包邮', xiaolu.conversation.id)).text,
      '亲，本店满 66 元包邮（新疆、西藏等偏远地区除外），拍下后系统会自动计算运费哦～',
    );
    assert.match((await preview('在线时间', xiaolu.conversation.id)).text, /周一至周五 09:00-18:00，周六、周日 休息/);
    assert.match(await welcome(), /满 66 包邮[\s\S]*本店满 66 元包邮，客服在线时间是周一至周五 09:00-18:00/);

    // The demo's own rules say it through the same variables.
    const rules = (await api<{ rules: AutoReplyRule[] }>(server.url, 'GET', '/api/v1/auto-replies', { token: owner.token })).body
      .rules;
    assert.match(rules.find((r) => r.name === '包邮说明')!.text, /\{包邮门槛\}/);
    assert.match(rules.find((r) => r.kind === 'offline')!.text, /\{营业时间\}/);
    assert.ok(!rules.some((r) => /\d+ ?元?包邮|9:00/.test(r.text)), 'no fact written out in a rule');

    await api(server.url, 'DELETE', `/api/v1/promotions/${id}`, { token: owner.token });
    const missing = await preview('包邮', xiaolu.conversation.id);
    assert.deepEqual(
      missing.missing.map((m: QuickReplyPreview['missing'][number]) => m.name),
      ['包邮门槛'],
      'no campaign: the agent is told, nothing is made up',
    );
  });

  it("refuses an agent message that still holds a known {变量}, in the caller's language; buyers and other braces pass", async () => {
    const send = (body: string, language = 'zh-CN') =>
      api<ErrorEnvelope>(server.url, 'POST', `/api/v1/conversations/${xiaolu.conversation.id}/messages`, {
        token: presale.token,
        body: { body, clientMsgId: crypto.randomUUID() },
        headers: { 'accept-language': language },
      });
    const zh = await send('亲，您的订单 {订单号} 已由 {物流公司} 发出');
    assert.equal(zh.status, 400);
    assert.equal(zh.body.error.code, 'unfilled_variables');
    assert.match(zh.body.error.message, /\{订单号\} \{物流公司\}/);
    assert.match((await send('运单号 {trackingNo}', 'en')).body.error.message, /unfilled variables \{物流单号\}/);
    assert.equal((await send('亲，表情 {微笑} 和 {} 照常发送')).status, 201);
    assert.equal((await buyerSays(server.url, xiaolu.token, '我写 {订单号} 也可以')).status, 201);
  });

  it('gives a shop made by first-run setup the default library, one phrase per common question', async () => {
    const fresh = await startTestServer({ env: { GOLDDESK_DEMO: '0' } });
    try {
      const setup = await api<LoginResponse>(fresh.url, 'POST', '/api/v1/setup', {
        body: { shop: 'my-shop', shopName: '我的小店', username: 'boss', name: '老板', password: 'boss-password' },
      });
      assert.equal(setup.status, 200);
      const list = (
        await api<{ quickReplies: QuickReplyView[] }>(fresh.url, 'GET', '/api/v1/quick-replies', { token: setup.body.token })
      ).body.quickReplies;
      const codes = list.map((p) => p.code);
      for (const code of ['发货时间', '快递', '包邮', '赠品', '尺码', '现货', '查物流', '退换', '质量', '发票'])
        assert.ok(codes.includes(code), code);
      assert.ok(
        list.every((p) => p.scope === 'team' && p.editable),
        'team phrases the owner edits',
      );
      assert.ok(list.find((p) => p.code === '包邮')!.content.includes('{包邮门槛}'), 'facts by variable');
    } finally {
      await fresh.close();
    }
  });
});
