// Browser end-to-end test of 自动化 → 自动回复: the owner switches the welcome on and adds a keyword rule
// 发票 → "亲，我们支持开具电子发票…"; a buyer on /demo-shop writes "可以开发票吗" and sees the welcome with the shop's
// promotions and the bot's answer; the rule's hit count shows 1. Also shoots 店铺活动 and 设置 → 营业时间.
// Run: npm run build && node --import tsx --test e2e/auto-replies.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Page } from 'playwright-core';
import { ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const TIMEOUT_MS = 15_000;
const ANSWER = '亲，我们支持开具电子发票，下单时备注抬头和税号，发货后 3 天内开出哦～';

describe('自动回复 in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'owner' | 'buyer'>;
  let owner: Page;
  let buyer: Page;
  const shot = (name: string) => path.join(ARTIFACTS, name);

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    requireBuilt('apps/widget/dist/demo-shop.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browsers = await openBrowsers(['owner', 'buyer'], TIMEOUT_MS);
    owner = browsers.pages.owner;
    buyer = browsers.pages.buyer;
  });

  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('the owner switches the welcome on and adds a keyword rule 发票 in 自动化 → 自动回复', async () => {
    await signIn(owner, server.url, 'demo', 'owner', DEMO_PASSWORD);
    await owner.getByTestId('nav-automation').click();
    await owner.getByTestId('automation-menu-autoReplies').click();
    const section = owner.getByTestId('automation-section-autoReplies');
    await section.getByTestId('auto-replies').waitFor();

    const welcome = owner.getByTestId('auto-reply-card-welcome');
    await welcome.getByRole('switch').click();
    await owner.waitForFunction(
      () =>
        document.querySelector('[data-testid="auto-reply-card-welcome"] [role="switch"]')?.getAttribute('aria-checked') ===
        'true',
    );

    await owner.getByTestId('auto-reply-add-keyword').click();
    const drawer = owner.getByTestId('auto-reply-drawer');
    await drawer.getByTestId('auto-reply-name').fill('发票');
    const keywords = drawer.getByTestId('auto-reply-keywords').locator('input');
    await keywords.fill('发票');
    await keywords.press('Enter');
    await keywords.fill('开票');
    await keywords.press('Enter');
    await drawer.getByTestId('auto-reply-priority').fill('5');
    await drawer.getByTestId('auto-reply-text').fill(`${ANSWER}\n本店活动：{店铺活动}`);
    // The preview fills {店铺活动} from the running promotions.
    await drawer.getByTestId('auto-reply-preview').filter({ hasText: '全店满减：满 199 减 20' }).waitFor();
    await drawer.getByTestId('auto-reply-save').click();
    const row = owner.getByTestId('auto-reply-row-发票');
    await row.waitFor();
    assert.equal(await owner.getByTestId('auto-reply-hits-发票').innerText(), '0');
  });

  it("a buyer on /demo-shop writes 可以开发票吗 and sees the welcome and the bot's answer", async () => {
    await buyer.goto(`${server.url}/demo-shop`);
    await buyer.getByTestId('gd-launcher').click();
    await buyer.getByTestId('gd-panel').waitFor({ state: 'visible' });
    await buyer.getByTestId('gd-input').fill('可以开发票吗');
    await buyer.getByTestId('gd-input').press('Enter');
    const bot = buyer.locator('[data-testid="gd-message"][data-sender="bot"]');
    await bot.filter({ hasText: '电子发票' }).waitFor();
    await bot.filter({ hasText: '欢迎光临' }).filter({ hasText: '双11预售：定金 50 抵 100' }).waitFor();
    assert.equal(await bot.count(), 2, 'one welcome, one keyword answer');
    assert.match(await bot.filter({ hasText: '电子发票' }).innerText(), /自动回复/);
    await buyer.waitForTimeout(300);
    await buyer.screenshot({ path: shot('auto-replies-widget.png') });
  });

  it("the rule's hit count shows 1", async () => {
    await owner.getByTestId('auto-replies-refresh').click();
    await owner.waitForFunction(() => document.querySelector('[data-testid="auto-reply-hits-发票"]')?.textContent === '1');
    await owner.setViewportSize({ width: 1440, height: 1100 });
    await owner.waitForTimeout(300);
    await owner.screenshot({ path: shot('auto-replies-section.png') });
    assert.equal(await owner.getByTestId('auto-reply-hits-发票').innerText(), '1', 'one buyer question answered');
  });

  it('店铺活动 lists the Double-11 set and 设置 → 营业时间 shows the hours', async () => {
    await owner.getByTestId('automation-menu-promotions').click();
    await owner.getByTestId('promotions-active-line').filter({ hasText: '满 88 包邮' }).waitFor();
    await owner.getByTestId('promotion-row-双11预售').waitFor();
    await owner.waitForTimeout(300);
    await owner.screenshot({ path: shot('promotions-section.png') });
    assert.match(await owner.getByTestId('promotions-active-line').innerText(), /买家看到的 \{店铺活动\}：.*满 88 包邮/);
    assert.match(await owner.getByTestId('promotion-row-双11预售').innerText(), /进行中/, 'the presale the buyer was told of');
    await owner.getByTestId('nav-settings').click();
    await owner.getByTestId('settings-menu-businessHours').click();
    await owner.getByTestId('business-hours').waitFor();
    await owner.waitForTimeout(300);
    await owner.screenshot({ path: shot('business-hours-section.png') });
    await owner.setViewportSize({ width: 1440, height: 900 });
    // The demo shop keeps the default hours, every day 09:00–23:00.
    const hours = await owner
      .getByTestId('business-hours')
      .locator('.ant-picker-range')
      .first()
      .locator('input')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    assert.deepEqual(hours, ['09:00', '23:00']);
    assert.match(await owner.getByTestId('business-hours-now').innerText(), /^现在：(营业中|休息中)$/);
    assert.deepEqual(browsers.pageErrors, [], 'no uncaught errors in either page');
  });
});
