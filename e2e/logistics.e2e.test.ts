// Browser end-to-end test of logistics (issue 3, point 4): an after-sales agent sees the open exceptions on the
// 物流 page (badge on the nav), opens a stalled parcel's buyer and its timeline in the right pane, ships a paid order
// with the courier the rules suggest, resolves the returned parcel, and checks the courier rules with the quote tester.
// Run: npm run build && node --import tsx --test e2e/logistics.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Locator, type Page } from 'playwright-core';
import type { CustomerProfile, ListCustomersResponse, QuoteResponse } from '@golddesk/contracts';
import { ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const TIMEOUT_MS = 15_000;
const SHOP = 'demo';
const STALLED_BUYER = '追风的少年';
const PAID_BUYER = '奶茶不加糖'; // waiting in 待接待, with a paid order to Jiangsu

describe('logistics in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'agent'>;
  let agent: Page;
  let returnedOrderNo = '';

  const card = (status: string): Locator => agent.locator(`[data-testid="order-card"][data-status="${status}"]`);
  const shot = (name: string) => path.join(ARTIFACTS, name);
  // The nav buttons fade their highlight (antd transition): wait until 物流 is drawn as the current page.
  const navSettled = () =>
    agent.waitForFunction(() => {
      const nav = document.querySelector('[data-testid="nav-logistics"]');
      return !!nav && getComputedStyle(nav).backgroundColor === 'rgb(255, 247, 230)';
    });

  /** What the server's quote says for the buyer's paid order: "建议：圆通 ¥5.00（按收货省份，约 0.5 kg）". */
  async function serverQuote(nick: string): Promise<string> {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ shop: SHOP, username: 'aftersale1', password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const get = async <T>(url: string) =>
      (await fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<T>;
    const buyer = (await get<ListCustomersResponse>(`/api/v1/customers?q=${encodeURIComponent(nick)}`)).customers.find(
      (customer) => customer.nick === nick,
    )!;
    const order = (await get<CustomerProfile>(`/api/v1/customers/${buyer.id}`)).orders.find(
      (o: { status: string }) => o.status === 'paid',
    )!;
    assert.ok(order.weightKg! > 0, 'demo products have weights');
    const province = order.receiver.address.match(/^(.+?(省|市|自治区))/)![1]!;
    const quote = await get<QuoteResponse>(
      `/api/v1/logistics/quote?province=${encodeURIComponent(province)}&weightKg=${order.weightKg}`,
    );
    const carrier = quote.choice!.carrierName.replace(/(速递|快递|速运)$/, '');
    return `建议：${carrier} ¥${(quote.choice!.costFen / 100).toFixed(2)}（按收货省份，约 ${order.weightKg!.toFixed(1)} kg）`;
  }

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browsers = await openBrowsers(['agent'], TIMEOUT_MS);
    agent = browsers.pages.agent;
    // why: the returned parcel's order, read apart from the exceptions list the page shows (which is under test).
    const row = await server.app.context.storage.db
      .selectFrom('logistics_exceptions as e')
      .innerJoin('orders as o', 'o.id', 'e.order_id')
      .select('o.order_no')
      .where('e.kind', '=', 'returned')
      .executeTakeFirstOrThrow();
    returnedOrderNo = row.order_no;
  });

  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('the 物流 nav shows the open exceptions and the page lists them, the longest-waiting first', async () => {
    await signIn(agent, server.url, SHOP, 'aftersale1', DEMO_PASSWORD);
    await agent.getByTestId('nav-logistics-badge').locator('.ant-badge-count').filter({ hasText: '2' }).waitFor();
    await agent.getByTestId('nav-logistics').click();
    const rows = agent.getByTestId('exception-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 2);
    assert.deepEqual(await rows.getByTestId('exception-kind').allInnerTexts(), ['长时间未更新', '退回']);
    assert.equal(await rows.first().getByTestId('exception-buyer').innerText(), STALLED_BUYER);
    await agent.mouse.move(0, 0);
    await navSettled();
    await agent.screenshot({ path: shot('logistics-exceptions.png') });
  });

  it("联系买家 opens the stalled buyer's chat; the right pane shows the red tag and the parcel's timeline", async () => {
    await agent.getByTestId('exception-row').first().getByTestId('exception-open-chat').click();
    await agent.getByTestId('customer-nick').filter({ hasText: STALLED_BUYER }).waitFor();
    const shipped = card('shipped');
    await shipped.getByTestId('order-logistics-exception').filter({ hasText: '长时间未更新' }).waitFor();
    await shipped.getByTestId('order-tracking-toggle').click();
    const timeline = shipped.getByTestId('tracking-timeline');
    await timeline.getByTestId('tracking-event').first().waitFor();
    const statuses = await timeline
      .getByTestId('tracking-event')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
    assert.deepEqual(
      statuses,
      ['in_transit', 'in_transit', 'in_transit', 'shipped'],
      'newest first; stuck at the transfer centre',
    );
    assert.match(await timeline.getByTestId('tracking-event').first().innerText(), /已到达.*转运中心/);
    assert.match(await timeline.getByTestId('tracking-number').innerText(), /^\S{10,}$/);
    await timeline.scrollIntoViewIfNeeded();
    await agent.getByTestId('customer-pane').screenshot({ path: shot('logistics-timeline-right-pane.png') });
  });

  it('a paid order shows the courier the rules suggest, and 发货 ships it with a checked number', async () => {
    await agent.getByTestId('contact-tab-waiting').click();
    await agent.getByTestId('contact-item').filter({ hasText: PAID_BUYER }).click();
    await agent.getByTestId('customer-nick').filter({ hasText: PAID_BUYER }).waitFor();
    const paid = card('paid');
    // The card picks the courier in the browser; it must agree with the server's quote for the parcel's weight.
    const expected = await serverQuote(PAID_BUYER);
    await paid.getByTestId('courier-suggestion').filter({ hasText: expected }).waitFor();
    await paid.scrollIntoViewIfNeeded();
    await paid.screenshot({ path: shot('logistics-paid-order-card.png') });
    await paid.getByTestId('order-action-ship').click();
    const number = agent.getByTestId('ship-form-tracking');
    await number.waitFor({ state: 'visible' });
    await number.fill('12345');
    await agent.getByTestId('ship-form-submit').click();
    await agent.locator('.ant-form-item-explain-error').filter({ hasText: '不像圆通速递的运单号' }).waitFor();
    await number.fill('YT 4300 0999 8877 6');
    await agent.getByTestId('ship-form-submit').click();
    await number.waitFor({ state: 'detached' });
    await agent.getByTestId('system-notice').filter({ hasText: '已发货，圆通速递 YT4300099988776' }).waitFor();
    const shippedLogistics = agent
      .locator('[data-testid="order-card"][data-status="shipped"]')
      .getByTestId('order-logistics')
      .filter({ hasText: 'YT4300099988776' });
    await shippedLogistics.waitFor();
    // The card now reads shipped with the courier and the number as the agent typed it, without the spaces.
    assert.match(await shippedLogistics.innerText(), /物流：圆通速递.*运单号：YT4300099988776/);
  });

  it('the returned parcel is resolved with a note on the 物流 page; the count drops', async () => {
    await agent.getByTestId('nav-logistics').click();
    const returned = agent.locator('[data-testid="exception-row"][data-kind="returned"]');
    await returned.waitFor();
    assert.equal(await returned.getByTestId('exception-order-no').innerText(), returnedOrderNo);
    await returned.getByTestId('exception-resolve').click();
    await agent.getByTestId('exception-resolve-note').fill('已联系买家，重新派送');
    await agent.getByTestId('exception-resolve-submit').click();
    await returned.waitFor({ state: 'detached' });
    assert.equal(await agent.getByTestId('exception-row').count(), 1);
    await agent.getByTestId('nav-logistics-badge').locator('.ant-badge-count').filter({ hasText: '1' }).waitFor();
    await agent.getByTestId('exception-filter').getByText('已处理的').click();
    const done = agent.locator('[data-testid="exception-row"][data-kind="returned"]');
    await done.filter({ hasText: '已联系买家，重新派送' }).waitFor();
    assert.equal(await done.getByTestId('exception-order-no').innerText(), returnedOrderNo);
    assert.equal(await agent.getByTestId('nav-logistics-badge').locator('.ant-badge-count').innerText(), '1');
  });

  it('the rules tab shows the courier rules and the quote tester picks by province and weight', async () => {
    await agent.getByTestId('tab-rules').click();
    await agent.getByTestId('rule-row').first().waitFor();
    assert.ok((await agent.getByTestId('rule-row').count()) >= 5);
    const result = agent.getByTestId('quote-result');
    await result.filter({ hasText: '选择 圆通速递，运费 ¥5.00' }).waitFor();
    await agent.getByTestId('quote-province').click();
    await agent.keyboard.type('新疆');
    await agent.locator('.ant-select-item-option').filter({ hasText: '新疆维吾尔自治区' }).click();
    await agent.getByTestId('quote-weight').fill('2.5');
    await result.filter({ hasText: '选择 邮政EMS，运费 ¥40.00（计费 3 kg，按收货省份）' }).waitFor();
    await agent.mouse.click(5, 880);
    await agent
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await agent.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 8000 });
    await navSettled();
    await agent.screenshot({ path: shot('logistics-rules.png'), fullPage: true });
    assert.deepEqual(browsers.pageErrors, []);
  });
});
