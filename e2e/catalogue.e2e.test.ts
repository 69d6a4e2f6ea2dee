// Browser end-to-end test of the catalogue (issue 3): the owner edits a price and a SKU's stock in 商品
// and the demo shop shows it; 连带需求 in the right pane suggests what the demo buyer viewed but did not
// buy, refreshes when the buyer views another product, and sends a product card in one click.
// Run: node --import tsx --test e2e/catalogue.e2e.test.ts (after npm run build)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Page } from 'playwright-core';
import type { CatalogueProductResponse, ListCatalogueResponse } from '@golddesk/contracts';
import { actAsDemoBuyer, ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const TIMEOUT_MS = 15_000;
const SHOP = 'demo';
const TEE = '纯棉宽松短袖T恤';
const BUYER_ASKS = `亲，精华液敏感肌能用吗？#${Date.now().toString(36)}`;

interface Product {
  id: string;
  title: string;
  skus: Array<{ id: string; stock: number }>;
}

describe('catalogue and related needs, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'owner' | 'agent' | 'buyer'>;
  let owner: Page;
  let agent: Page;
  let buyer: Page;
  let products: Product[];
  let viewed: Product;
  let viewedLater: Product;
  let visitorId: string;
  let ownerToken: string;

  // antd puts a test id on the <input> itself or on its wrapper, depending on the component.
  const inputOf = (page: Page, testId: string) =>
    page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  const apiGet = async <T>(pathname: string) => {
    const response = await fetch(`${server.url}${pathname}`, { headers: { Authorization: `Bearer ${ownerToken}` } });
    return (await response.json()) as T;
  };

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    requireBuilt('apps/widget/dist/demo-shop.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ shop: SHOP, username: 'owner', password: DEMO_PASSWORD }),
    });
    ownerToken = ((await login.json()) as { token: string }).token;
    products = (await apiGet<ListCatalogueResponse>('/api/v1/products?pageSize=200')).products;
    // A demo buyer with orders, who never ordered the serum or the lipstick: both are "viewed, not bought".
    // why: the browser plays that buyer, and a demo buyer's visitor id is in no agent API.
    const db = server.app.context.storage.db;
    const rows = await db
      .selectFrom('buyers as b')
      .innerJoin('orders as o', 'o.buyer_id', 'b.id')
      .innerJoin('order_items as i', 'i.order_id', 'o.id')
      .select(['b.visitor_id', 'i.title'])
      .orderBy('b.visitor_id')
      .execute();
    visitorId = rows.find((r) => !rows.some((o) => o.visitor_id === r.visitor_id && /精华液|口红/.test(o.title)))!.visitor_id;
    viewed = products.find((p) => p.title.startsWith('烟酰胺提亮精华液'))!;
    viewedLater = products.find((p) => p.title.startsWith('丝绒雾面口红'))!;
    browsers = await openBrowsers(['owner', 'agent', 'buyer'], TIMEOUT_MS);
    ({ owner, agent, buyer } = browsers.pages);
    await actAsDemoBuyer(buyer, server.url, visitorId);
  });

  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('the owner changes a price and a SKU stock in 商品; the demo shop shows the new price after reload', async () => {
    const tee = products.find((p) => p.title === TEE)!;
    await buyer.goto(`${server.url}/demo-shop`);
    const shopCard = buyer.getByTestId('product-card').filter({ hasText: TEE });
    assert.doesNotMatch(await shopCard.innerText(), /¥99\.00/);

    await signIn(owner, server.url, SHOP, 'owner', DEMO_PASSWORD);
    await owner.getByTestId('nav-products').click();
    await owner.getByTestId('catalogue-row').first().waitFor();
    await owner.getByTestId('catalogue-search').locator('input').fill('T恤');
    await owner.getByTestId('catalogue-search').locator('input').press('Enter');
    const row = owner.locator(`[data-testid="catalogue-row"][data-product-id="${tee.id}"]`);
    await row.waitFor();
    await owner.waitForFunction(() => document.querySelectorAll('[data-testid="catalogue-row"]').length === 1); // only the T-shirt
    await owner.getByTestId('catalogue-search').locator('input').fill('');
    await owner.getByTestId('catalogue-search').locator('input').press('Enter');
    await owner.waitForFunction(() => document.querySelectorAll('[data-testid="catalogue-row"]').length > 1);
    await owner.screenshot({ path: path.join(ARTIFACTS, 'catalogue-page.png') });

    await row.getByTestId('catalogue-edit').click();
    const drawer = owner.getByTestId('product-drawer');
    const price = inputOf(owner, 'product-form-price');
    await price.waitFor({ state: 'visible' });
    for (let i = 0; i < 50 && (await price.inputValue()) !== '79.00'; i++) await owner.waitForTimeout(100);
    assert.equal(await price.inputValue(), '79.00', 'the form shows the current price');
    await price.fill('99');
    await drawer.getByTestId('product-form-save').click();
    await owner.locator('.ant-message').getByText('已保存').first().waitFor();
    await owner.waitForTimeout(300);
    await owner.screenshot({ path: path.join(ARTIFACTS, 'catalogue-drawer.png') });

    await drawer.getByRole('tab', { name: /规格 SKU/ }).click();
    const firstStock = inputOf(owner, 'sku-stock');
    await firstStock.fill('321');
    await firstStock.press('Enter');
    const skuId = tee.skus[0]!.id;
    for (let i = 0; i < 50; i++) {
      const stock = (await apiGet<CatalogueProductResponse>(`/api/v1/products/${tee.id}`)).product.skus.find(
        (s: { id: string }) => s.id === skuId,
      )!.stock;
      if (stock === 321) break;
      if (i === 49) assert.fail(`the SKU stock is ${stock}, not 321`);
      await owner.waitForTimeout(100);
    }
    await drawer.getByRole('tab', { name: /尺码表/ }).click();
    await inputOf(owner, 'size-helper-height').fill('160');
    await inputOf(owner, 'size-helper-weight').fill('50');
    await drawer.getByTestId('size-helper-advise').click();
    const answer = drawer.getByTestId('size-helper-answer');
    await answer.waitFor();
    assert.equal(await answer.getAttribute('data-size'), 'M');
    await owner.screenshot({ path: path.join(ARTIFACTS, 'catalogue-size-helper.png') });

    await buyer.reload();
    await shopCard.filter({ hasText: '¥99.00' }).waitFor();
    assert.match(await shopCard.innerText(), /¥99\.00/, 'the buyer sees the new price');
  });

  it('a pre-sales agent sees 商品 read-only', async () => {
    await signIn(agent, server.url, SHOP, 'presale1', DEMO_PASSWORD);
    await agent.getByTestId('nav-products').click();
    await agent.getByTestId('catalogue-row').first().waitFor();
    await agent.getByText('只读：店长和主管可以编辑商品').waitFor();
    assert.equal(await agent.getByTestId('catalogue-create').count(), 0);
    await agent.getByTestId('nav-workbench').click();
  });

  it('连带需求: the agent sees what the buyer viewed, it refreshes live, and 发送 puts the card in the widget', async () => {
    await buyer.getByTestId('gd-launcher').click();
    await buyer.getByTestId('gd-panel').waitFor({ state: 'visible' });
    await buyer.getByTestId('gd-input').fill(BUYER_ASKS);
    await buyer.getByTestId('gd-input').press('Enter');
    await buyer.locator('[data-testid="gd-message"][data-sender="buyer"]').filter({ hasText: BUYER_ASKS }).waitFor();
    await buyer.evaluate((id) => (location.hash = `#/product/${id}`), viewed.id);
    await buyer.getByTestId('product-detail').waitFor();

    await agent.getByTestId('contact-item').filter({ hasText: BUYER_ASKS }).click();
    const pane = agent.getByTestId('related-needs');
    const serum = pane.locator(`[data-testid="suggestion"][data-product-id="${viewed.id}"]`);
    await serum.waitFor();
    assert.equal(await serum.getAttribute('data-reason'), 'viewed_not_bought');
    assert.match(await serum.getByTestId('suggestion-reason').innerText(), /浏览过/);
    assert.ok((await pane.getByTestId('suggestion').count()) >= 2, 'related products of the orders are suggested too');

    // The buyer looks at another product: the list follows without a reload.
    await buyer.evaluate((id) => (location.hash = `#/product/${id}`), viewedLater.id);
    await pane.locator(`[data-testid="suggestion"][data-product-id="${viewedLater.id}"]`).waitFor();
    await agent.getByTestId('customer-pane').screenshot({ path: path.join(ARTIFACTS, 'related-needs.png') });

    await serum.getByTestId('suggestion-send').click();
    const card = buyer
      .locator('[data-testid="gd-message"][data-kind="product"][data-sender="agent"]')
      .filter({ hasText: viewed.title });
    await card.waitFor({ state: 'visible' });
    await agent.getByTestId('product-card').filter({ hasText: viewed.title }).first().waitFor();
    await buyer.screenshot({ path: path.join(ARTIFACTS, 'related-needs-widget.png') });

    // An agent who wants the orders higher folds the list; it stays folded when the pane is drawn again.
    await pane.getByTestId('related-needs-toggle').click();
    assert.equal(await pane.getByTestId('suggestion').count(), 0);
    await agent.getByTestId('nav-products').click();
    await agent.getByTestId('catalogue-row').first().waitFor();
    await agent.getByTestId('nav-workbench').click();
    const toggle = agent.getByTestId('related-needs').getByTestId('related-needs-toggle');
    await toggle.waitFor();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await agent.getByTestId('related-needs').getByTestId('suggestion').count(), 0);
    await toggle.click();
    await agent.getByTestId('related-needs').getByTestId('suggestion').first().waitFor();
    assert.deepEqual(browsers.pageErrors, [], 'no uncaught errors in any page');
  });
});
