// Browser test of issue #9's phrase items, as presale1 at 1366×768:
// - a buyer with no shipped order asks 什么时候发货: /发货 offers a phrase that can be filled first; forcing the shipped
//   notice ({订单号} {物流公司} {物流单号}) inserts it with the first variable selected, and Enter refuses to send it:
//   the buyer never receives a brace;
// - a query with no match (/开收据) + Enter sends nothing;
// - THE ACCEPTANCE TEST: 小鹿乱撞 (an unpaid and a shipped order) asks the ten commonest questions in the demo shop's
//   widget; each is answered with at most 3 keys after `/` opens the picker (one pinyin initial, Enter to insert,
//   Enter to send: Latin keys only, no IME), and her widget shows each answer fully filled;
// - the 快捷短语 side panel lists the phrases by group with a search; a click inserts the phrase filled for the buyer.
// Run: npm run build && node --import tsx --test e2e/ten-questions.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { DemoIdentityResponse } from '@golddesk/contracts';
import { actAsDemoBuyer, ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { api, buyerSays, loginAgent, startBuyer, StreamClient } from '../apps/server/test/helpers/clients.js';
import { customerByNick, customerProfile } from '../apps/server/test/helpers/lookups.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

describe('quick replies answer the ten commonest questions, only ever fully filled, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'agent' | 'buyer'>;
  let agent: Page;
  let buyer: Page;

  const input = () => agent.getByTestId('chat-input');
  const option = () => agent.getByTestId('quick-reply-option');
  const selected = () => agent.locator('[data-testid="quick-reply-option"][aria-selected="true"]');

  async function openChat(nick: string, lastWords: string) {
    await agent.getByTestId('contact-tab-all').click();
    await agent.getByTestId('contact-item').filter({ hasText: nick }).first().click();
    await agent.getByTestId('message-item').filter({ hasText: lastWords }).first().waitFor();
  }

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    requireBuilt('apps/widget/dist/demo-shop.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browsers = await openBrowsers(['agent', 'buyer']);
    ({ agent, buyer } = browsers.pages);
    await agent.setViewportSize({ width: 1366, height: 768 });
    await signIn(agent, server.url, 'demo', 'presale1', DEMO_PASSWORD);
  });
  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('never lets a phrase that cannot be filled reach the buyer: fillable first, the unfilled variable selected, the send refused', async () => {
    const visitor = await startBuyer(server.url, undefined, { nick: '新访客-未下单' });
    const stream = await StreamClient.connect(server.url, visitor.token);
    assert.equal((await buyerSays(server.url, visitor.token, '你好，请问什么时候发货呀')).status, 201);
    await openChat('新访客-未下单', '什么时候发货');

    await input().click();
    await input().pressSequentially('/发货');
    await option().first().waitFor();
    assert.equal(await option().first().getAttribute('data-code'), '发货时间', 'a phrase this buyer can be told ranks first');
    assert.equal(await option().first().getAttribute('data-fillable'), 'true');
    const notice = option().filter({ has: agent.locator('.qr-picker-code', { hasText: /^\/发货$/ }) });
    assert.equal(await notice.getAttribute('data-fillable'), 'false', 'the shipped notice is offered lower, marked');

    // The agent forces it anyway.
    while ((await selected().getAttribute('data-code')) !== '发货') await input().press('ArrowDown');
    await agent.getByTestId('quick-reply-missing').first().waitFor();
    await input().press('Enter');
    await agent.getByTestId('quick-reply-picker').waitFor({ state: 'detached' });
    const value = await input().inputValue();
    assert.match(value, /\{订单号\}/);
    const selection = await input().evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
    assert.equal(selection, '{订单号}', 'the first variable to fill is selected');

    await input().press('Enter');
    await agent.getByTestId('composer-unfilled').waitFor();
    assert.match(await agent.getByTestId('composer-unfilled').innerText(), /\{订单号\} \{物流公司\} \{物流单号\}/);
    assert.equal(await input().inputValue(), value, 'nothing was sent, the text stays to be fixed');
    await agent.getByTestId('chat-send').click();
    await agent.screenshot({ path: path.join(ARTIFACTS, 'quick-reply-unfilled-refused.png') });
    await agent.waitForTimeout(500);
    const received = stream.messages().filter((m) => m.sender === 'agent');
    assert.deepEqual(received, [], 'the buyer received nothing');
    assert.ok(
      stream.frames.every((f) => f.type !== 'message.created' || !/[{}]/.test(f.message.body)),
      'no brace ever reached the buyer',
    );

    // Item 3: a query nothing matches, then Enter: nothing is sent, the picker says so.
    await input().fill('');
    await input().pressSequentially('/开收据');
    await agent.getByTestId('quick-reply-picker').filter({ hasText: '没有找到匹配的短语' }).waitFor();
    await input().press('Enter');
    await agent.waitForTimeout(500);
    assert.equal(await input().inputValue(), '/开收据', 'Enter in an open picker never sends the query');
    assert.equal(await agent.locator('[data-testid="message-item"][data-sender="agent"]').count(), 0);
    assert.deepEqual(
      stream.messages().filter((m) => m.sender === 'agent'),
      [],
    );
    await input().fill('');
    await stream.close();
  });

  it("answers each of the ten commonest questions in ≤ 3 keys after the picker opens; 小鹿乱撞's widget gets them fully filled", async () => {
    // Who demo-buyer-001 is (the demo shop's 登录 says), and her orders as the right pane lists them.
    const signed = await api<DemoIdentityResponse>(server.url, 'POST', '/api/v1/demo/identity', {
      body: { shop: 'demo', buyer: 'demo-buyer-001' },
    });
    const nick = signed.body.buyer.nick as string;
    const { token } = await loginAgent(server.url, 'owner');
    const orders = (await customerProfile(server.url, token, (await customerByNick(server.url, token, nick)).id)).orders;
    const shipped = orders.find((o) => o.status === 'shipped');
    assert.ok(
      shipped?.trackingNo && orders.some((o) => o.status === 'pending_payment'),
      'demo-buyer-001 has an unpaid and a shipped order',
    );

    await actAsDemoBuyer(buyer, server.url, 'demo-buyer-001');
    await buyer.goto(`${server.url}/demo-shop`);
    await buyer.getByTestId('gd-launcher').click();
    await buyer.getByTestId('gd-panel').waitFor({ state: 'visible' });
    const agentRows = buyer.locator('[data-testid="gd-message"][data-sender="agent"]');

    // [question, the pinyin initial typed after /, the phrase it must give, what the answer must say].
    const ten: [string, string, string, RegExp][] = [
      ['什么时候发货', 'f', '发货时间', /48 小时内发货/],
      ['发什么快递', 'k', '快递', /快递/],
      ['包邮吗？能便宜点吗', 'b', '包邮', /本店满 88 元包邮/],
      ['有没有赠品', 'z', '赠品', /小样/],
      ['165/50 穿什么码', 'c', '尺码', /选 M/],
      ['有现货吗', 'x', '现货', /有现货/],
      ['我的快递到哪了', 'c', '查物流', new RegExp(`订单 ${shipped.orderNo}，${shipped.carrier} 运单号 ${shipped.trackingNo}`)],
      ['怎么退货', 't', '退换', /7 天内支持无理由退换/],
      ['质量有问题怎么办', 'z', '质量', /拍一下问题部位/],
      ['能开发票吗', 'f', '发票', /电子普通发票/],
    ];
    let opened = false;
    for (const [n, [question, initial, code, says]] of ten.entries()) {
      await buyer.getByTestId('gd-input').fill(question);
      await buyer.getByTestId('gd-input').press('Enter');
      if (!opened) {
        await openChat(nick, question);
        opened = true;
      }
      await agent.getByTestId('message-item').filter({ hasText: question }).first().waitFor();

      await input().click();
      await input().press('/'); // opens the picker; the keys are counted from here
      await agent.getByTestId('quick-reply-picker').waitFor();
      const keys: string[] = [];
      const press = async (key: string) => {
        keys.push(key);
        await input().press(key);
      };
      await press(initial);
      // What the agent sees before Enter: the phrase for this question, highlighted.
      await agent.locator(`[data-testid="quick-reply-option"][aria-selected="true"][data-code="${code}"]`).waitFor();
      if (n === 0) await agent.screenshot({ path: path.join(ARTIFACTS, 'quick-reply-picker-pinyin.png') });
      await press('Enter');
      const answer = await input().inputValue();
      assert.doesNotMatch(answer, /[{}]/, `${question}: inserted fully filled: ${answer}`);
      assert.match(answer, says, `${question}: ${answer}`);
      await press('Enter');
      assert.ok(keys.length <= 3, `${question}: ${keys.join(' ')}`);

      await agentRows.nth(n).waitFor();
      const shown = await agentRows.nth(n).locator('.gd-bubble').innerText();
      assert.equal(shown.trim(), answer.trim(), `${question}: the buyer's widget shows the answer as sent`);
      assert.doesNotMatch(shown, /[{}]/);
    }
    // Item 5: whatever told the buyer about 包邮 (the welcome, the keyword auto-reply, the agent's phrase) names one
    // threshold, the one the shop's promotions hold.
    const everything = await buyer.getByTestId('gd-message').allInnerTexts();
    const thresholds = new Set(everything.flatMap((text) => [...text.matchAll(/满\s*(\d+)\s*元?\s*包邮/g)].map((m) => m[1])));
    assert.ok(
      everything.filter((text) => /包邮/.test(text)).length >= 2,
      `the buyer was told about 包邮 more than once: ${everything.join(' | ')}`,
    );
    assert.deepEqual([...thresholds], ['88'], `one 包邮 threshold in the buyer's chat: ${everything.join(' | ')}`);
    await buyer.screenshot({ path: path.join(ARTIFACTS, 'ten-questions-widget.png') });
  });

  it('opens the 快捷短语 side panel from the toolbar: phrases by group, a search, a click inserts the phrase filled', async () => {
    await agent.getByTestId('quick-phrase-panel-toggle').click();
    const panel = agent.getByTestId('quick-phrase-panel');
    await panel.waitFor();
    const groups = await panel
      .getByTestId('quick-phrase-group')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-group')));
    assert.ok(
      ['售前·发货时间', '售后·物流', '售后·发票', '催付'].every((g) => groups.includes(g)),
      groups.join(','),
    );
    const all = await panel.getByTestId('quick-phrase-item').count();
    assert.ok(all >= 25, `every phrase is listed (${all}), not only 8`);
    await agent.screenshot({ path: path.join(ARTIFACTS, 'quick-phrase-panel.png') });

    await panel.getByTestId('quick-phrase-panel-search').fill('cwl');
    await panel.locator('[data-testid="quick-phrase-item"][data-code="查物流"]').waitFor();
    assert.equal(await panel.getByTestId('quick-phrase-item').first().getAttribute('data-code'), '查物流');
    await panel.locator('[data-testid="quick-phrase-item"][data-code="查物流"]').click();
    await agent.waitForFunction(() =>
      (document.querySelector('[data-testid="chat-input"]') as HTMLTextAreaElement).value.includes('运单号'),
    );
    const value = await input().inputValue();
    assert.doesNotMatch(value, /[{}]/, value);
    await agent.screenshot({ path: path.join(ARTIFACTS, 'quick-phrase-panel-search.png') });
    await input().fill('');
    await agent.getByTestId('quick-phrase-panel-close').click();
    await panel.waitFor({ state: 'detached' });
    assert.deepEqual(browsers.pageErrors, []);
  });
});
