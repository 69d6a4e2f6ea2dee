// Browser test of issue 9, items 7, 11 and 12 at a 1366×768 laptop: the 订单 tab and the latest order above the fold,
// the phone masked for 售前 and in full for the owner, 尺码/库存 in the chat (pre-filled from the buyer's height and
// weight, 发送 fills the composer, stock per SKU), and the English header with its switch and sign-out in reach.
// Run: npm run build && node --import tsx --test e2e/right-pane.e2e.test.ts
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { actAsDemoBuyer, ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import type { ListCatalogueResponse } from '@golddesk/contracts';
import { api, loginAgent } from '../apps/server/test/helpers/clients.js';
import { customerByNick, customerProfile } from '../apps/server/test/helpers/lookups.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const SHOP = 'demo';
const VISITOR = 'demo-buyer-001'; // 小鹿乱撞, waiting in 待接待 in the demo shop
const NICK = '小鹿乱撞';
const DRESS = '法式复古碎花连衣裙'; // has a size chart: 165 cm → M/L, 50 kg → M
const LAPTOP = { width: 1366, height: 768 };

/** The element is on screen, inside the viewport, and the topmost thing at its centre (not covered). */
async function assertReachable(page: Page, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  assert.ok(box, `${what} is rendered`);
  const viewport = page.viewportSize()!;
  assert.ok(
    box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height,
    `${what} inside the ${viewport.width}×${viewport.height} window: ${JSON.stringify(box)}`,
  );
  const onTop = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return !!hit && (el === hit || el.contains(hit));
  });
  assert.ok(onTop, `${what} is not covered by anything`);
}

describe('the right pane, size/stock in the chat and the English header at 1366×768, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'agent' | 'owner' | 'buyer'>;
  let agent: Page;
  let owner: Page;
  let buyer: Page;
  let phone: string;

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    requireBuilt('apps/widget/dist/demo-shop.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browsers = await openBrowsers(['agent', 'owner', 'buyer']);
    ({ agent, owner, buyer } = browsers.pages);
    await agent.setViewportSize(LAPTOP);
    await owner.setViewportSize(LAPTOP);
    await actAsDemoBuyer(buyer, server.url, VISITOR);
    // Her phone as the owner sees it, in full, in her profile.
    const { token } = await loginAgent(server.url, 'owner');
    phone = (await customerProfile(server.url, token, (await customerByNick(server.url, token, NICK)).id)).buyer.phone!;
  });
  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('shows the 订单 tab and the latest order above the fold, with 连带需求 folded until the agent opens it', async () => {
    await signIn(agent, server.url, SHOP, 'presale1', DEMO_PASSWORD);
    await agent.getByTestId('contact-item').filter({ hasText: NICK }).click();
    await agent.getByTestId('customer-nick').filter({ hasText: NICK }).waitFor();
    const card = agent.getByTestId('order-card').first();
    await card.waitFor();
    assert.equal(
      await agent
        .getByTestId('customer-pane')
        .locator('.customer-scroll')
        .evaluate((el) => el.scrollTop),
      0,
      'not scrolled',
    );
    await assertReachable(agent, agent.getByTestId('customer-tab-orders'), 'the 订单 tab');
    const box = (await card.boundingBox())!;
    assert.ok(box.y + box.height <= LAPTOP.height, `the whole latest order is above the fold: ${JSON.stringify(box)}`);
    const related = agent.getByTestId('related-needs');
    assert.equal(
      await related.getByTestId('related-needs-toggle').getAttribute('aria-expanded'),
      'false',
      'folded on a short window',
    );
    assert.equal(await related.getByTestId('suggestion').count(), 0);
    await agent.screenshot({ path: path.join(ARTIFACTS, 'workbench-1366x768-zh.png') });

    // Opened once, it stays open: the agent's choice wins over the window's height.
    await related.getByTestId('related-needs-toggle').click();
    await related.getByTestId('suggestion').first().waitFor();
    await agent.reload();
    await agent.getByTestId('contact-item').filter({ hasText: NICK }).click();
    await agent.getByTestId('related-needs').getByTestId('suggestion').first().waitFor();
    assert.equal(
      await agent.getByTestId('related-needs').getByTestId('related-needs-toggle').getAttribute('aria-expanded'),
      'true',
      'still open after a reload',
    );
    assert.ok((await agent.getByTestId('related-needs').getByTestId('suggestion').count()) > 0, 'its suggestions are shown');
    await agent.getByTestId('related-needs').getByTestId('related-needs-toggle').click(); // folded again for the next tests
  });

  it('masks the phone for presale in the header and the order cards, and shows it in full to the owner', async () => {
    const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
    await agent.getByTestId('order-card').first().waitFor();
    assert.match(await agent.getByTestId('customer-phone').innerText(), new RegExp(masked.replace(/\*/g, '\\*')));
    for (const text of await agent.getByTestId('order-receiver-phone').allInnerTexts()) assert.match(text, /^\d{3}\*{4}\d{4}$/);
    assert.ok(!(await agent.getByTestId('customer-pane').innerText()).includes(phone), 'the full number is nowhere in the pane');

    await signIn(owner, server.url, SHOP, 'owner', DEMO_PASSWORD);
    await owner.getByTestId('contact-item').filter({ hasText: NICK }).click();
    await owner.getByTestId('order-card').first().waitFor();
    assert.match(await owner.getByTestId('customer-phone').innerText(), new RegExp(phone));
    for (const text of await owner.getByTestId('order-receiver-phone').allInnerTexts()) assert.match(text, /^\d{10,11}$/);
  });

  it('answers size and stock from the chat: 尺码/库存 pre-filled from the buyer, 发送 fills the composer, stock per SKU', async () => {
    // The dress and its SKUs, as the owner's 商品 page has them.
    const { token } = await loginAgent(server.url, 'owner');
    const listed = await api<ListCatalogueResponse>(server.url, 'GET', `/api/v1/products?q=${encodeURIComponent(DRESS)}`, {
      token,
    });
    const dress = listed.body.products.find((p) => p.title === DRESS)!;
    const skuCount = dress.skus.length;
    // The buyer looks at the dress, sends it as a card and asks.
    await buyer.goto(`${server.url}/demo-shop#/product/${dress.id}`);
    await buyer.getByTestId('gd-launcher').click();
    await buyer.getByTestId('gd-panel').waitFor({ state: 'visible' });
    await buyer.getByTestId('gd-product-send').click();
    await buyer.getByTestId('gd-input').fill('我身高165体重100斤穿什么码');
    await buyer.getByTestId('gd-send').click();

    await agent.getByTestId('message-item').filter({ hasText: '我身高165体重100斤穿什么码' }).waitFor();
    await agent.getByTestId('product-card').filter({ hasText: DRESS }).first().waitFor();
    const button = agent.getByTestId('size-stock-button');
    await assertReachable(agent, button, 'the 尺码/库存 button');
    await button.click();
    const panel = agent.getByTestId('size-stock-panel');
    await panel.waitFor();
    await panel.getByTestId('size-stock-product').filter({ hasText: DRESS }).waitFor();
    await panel.getByTestId('size-stock-from-buyer').waitFor();
    assert.equal(await panel.getByTestId('size-stock-height').inputValue(), '165');
    assert.equal(await panel.getByTestId('size-stock-weight').inputValue(), '50', '100斤 is 50 kg');
    const answer = panel.getByTestId('size-stock-answer');
    await answer.waitFor();
    assert.equal(await answer.getAttribute('data-size'), 'L', 'height says M or L, weight M: the larger');
    const skus = panel.getByTestId('size-stock-sku');
    assert.equal(await skus.count(), skuCount, 'every SKU with its stock');
    assert.match(await skus.first().innerText(), /^L码 [\s\S]+(现货 \d+|缺货)$/);
    assert.equal(await skus.first().getAttribute('data-advised'), '1', 'the advised size first');
    await agent.screenshot({ path: path.join(ARTIFACTS, 'size-stock-1366x768-zh.png') });

    await panel.getByTestId('size-stock-send').click();
    await panel.waitFor({ state: 'hidden' });
    const input = agent.getByTestId('chat-input');
    assert.match(await input.inputValue(), /^亲，根据您身高165cm、体重50kg，建议选 L 码哦～/);

    // Stock of one SKU goes after what is typed.
    await button.click();
    await agent.getByTestId('size-stock-sku').first().waitFor();
    const stock = Number(await agent.getByTestId('size-stock-sku').first().getAttribute('data-stock'));
    await agent.getByTestId('size-stock-sku').first().getByTestId('size-stock-sku-send').click();
    assert.match(
      await input.inputValue(),
      new RegExp(stock > 0 ? `建议选 L 码.+ 亲，L码 \\S+ 现货 ${stock} 件` : '建议选 L 码.+ 亲，L码 \\S+ 暂时缺货'),
    );
    assert.deepEqual(browsers.pageErrors, []);
  });

  it('keeps the language switch and sign-out in reach in English at 1366, folding pages into More', async () => {
    for (const page of [agent, owner]) {
      await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
      await page.getByTestId('nav-workbench').filter({ hasText: 'Workbench' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), LAPTOP.width, 'nothing overflows the window');
      await assertReachable(page, page.getByTestId('language-switch'), 'the language switch');
      await assertReachable(page, page.getByTestId('logout'), 'sign-out');
      await assertReachable(page, page.getByTestId('nav-workbench'), 'the workbench link');
    }
    // The owner's longer list folds into More; its pages are one click away.
    const more = owner.getByTestId('nav-more');
    await assertReachable(owner, more, 'More');
    await more.hover();
    await owner.locator('.ant-menu-submenu-popup').getByTestId('nav-settings').click();
    await owner.getByTestId('nav-more').waitFor();
    await owner.waitForURL((url) => url.pathname === '/settings'); // the page's own address
    await owner.getByTestId('nav-workbench').click();

    // Server-made lines read in English: an order action's line in the chat (the buyer keeps the Chinese) and the
    // seller's line on the shipped parcel's timeline.
    const { token } = await loginAgent(server.url, 'owner');
    const profile = await customerProfile(server.url, token, (await customerByNick(server.url, token, NICK)).id);
    const unpaidOrder = profile.orders.find((o) => o.status === 'pending_payment')!;
    const unpaid = { id: unpaidOrder.id, order_no: unpaidOrder.orderNo, total_fen: unpaidOrder.totalFen };
    const priced = await api(server.url, 'POST', `/api/v1/orders/${unpaid.id}/change-price`, {
      token,
      body: { requestId: randomUUID(), newTotalFen: Number(unpaid.total_fen) - 1000 },
    });
    assert.equal(priced.status, 200, JSON.stringify(priced.body));
    const line = agent.locator('[data-testid="system-notice"][data-code="order.price_changed"]');
    await line.waitFor();
    assert.match(await line.innerText(), new RegExp(`Your order ${unpaid.order_no} has a new price: ¥[\\d.]+ → ¥[\\d.]+`));
    assert.match((await line.getAttribute('title')) ?? '', /^亲，您的订单 .+ 已改价/, 'the Chinese the buyer read is on hover');
    await buyer
      .locator('[data-testid="gd-system"]')
      .filter({ hasText: `亲，您的订单 ${unpaid.order_no} 已改价` })
      .waitFor();
    const shipped = agent.locator('[data-testid="order-card"][data-status="shipped"]').first();
    await shipped.getByTestId('order-tracking-toggle').click();
    await shipped
      .getByTestId('tracking-event')
      .filter({ hasText: /^Shipped by the seller \(SF SF\d+\)/ })
      .first()
      .waitFor();
    await agent.screenshot({ path: path.join(ARTIFACTS, 'workbench-1366x768-en.png') });
    await owner.screenshot({ path: path.join(ARTIFACTS, 'workbench-1366x768-en-owner.png') });

    // The switch still works the other way.
    await agent.getByTestId('language-switch').getByText('中文', { exact: true }).click();
    await agent.getByTestId('nav-workbench').filter({ hasText: '工作台' }).waitFor();
    assert.deepEqual(browsers.pageErrors, []);
  });
});
