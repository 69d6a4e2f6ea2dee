// Browser test of live footprints (issue 3 acceptance): the agent has the demo buyer's chat open; the buyer
// opens a product on /demo-shop; the product shows in the right pane's 足迹 within a second.
// Run: npm run build && node --import tsx --test e2e/footprints.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { CatalogueProductResponse } from '@golddesk/contracts';
import { actAsDemoBuyer, ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { api, loginAgent } from '../apps/server/test/helpers/clients.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const SHOP = 'demo';
const VISITOR = 'demo-buyer-001'; // 小鹿乱撞, waiting in 待接待 in the demo shop
const NICK = '小鹿乱撞';

describe('browsing footprints in the right pane, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'agent' | 'buyer'>;
  let agent: Page;
  let buyer: Page;

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    requireBuilt('apps/widget/dist/demo-shop.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browsers = await openBrowsers(['agent', 'buyer']);
    ({ agent, buyer } = browsers.pages);
    await actAsDemoBuyer(buyer, server.url, VISITOR);
  });
  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it("shows a product the buyer opens on /demo-shop in the open chat's 足迹 within a second", async () => {
    // The buyer is on the shop with the chat open once (so the widget has its session).
    await buyer.goto(`${server.url}/demo-shop`);
    await buyer.getByTestId('gd-launcher').click();
    await buyer.getByTestId('gd-panel').waitFor({ state: 'visible' });
    await buyer.getByTestId('gd-launcher').click();

    await signIn(agent, server.url, SHOP, 'presale1', DEMO_PASSWORD);
    await agent.getByTestId('contact-item').filter({ hasText: NICK }).click();
    await agent.getByTestId('customer-nick').filter({ hasText: NICK }).waitFor();
    await agent.getByTestId('customer-tab-footprints').click();
    await agent.getByTestId('footprint-list').waitFor();
    const seen = await agent
      .getByTestId('footprint-item')
      .evaluateAll((items) => items.map((el) => el.getAttribute('data-product-id')));

    // A product the buyer has not looked at yet.
    const cards = buyer.getByTestId('product-card');
    await cards.first().waitFor();
    const ids = await cards.evaluateAll((items) => items.map((el) => el.getAttribute('data-product-id')));
    const productId = ids.find((id) => id && !seen.includes(id))!;
    assert.ok(productId, 'a product not yet in the footprints');
    const card = buyer.locator(`[data-testid="product-card"][data-product-id="${productId}"]`);
    const { token } = await loginAgent(server.url, 'owner');
    const { title } = (await api<CatalogueProductResponse>(server.url, 'GET', `/api/v1/products/${productId}`, { token })).body
      .product as {
      title: string;
    };

    const started = Date.now();
    await card.click();
    const item = agent.locator(`[data-testid="footprint-item"][data-product-id="${productId}"]`);
    await item.waitFor({ timeout: 1000 });
    const elapsedMs = Date.now() - started;
    assert.ok(elapsedMs <= 1000, `footprint shown after ${elapsedMs} ms`);
    console.log(`footprint in the right pane ${elapsedMs} ms after the click`);

    assert.equal(await agent.getByTestId('footprint-item').first().getAttribute('data-product-id'), productId, 'newest first');
    assert.match(await item.getByTestId('footprint-time').innerText(), /刚刚/);
    assert.ok((await item.innerText()).includes(title), 'the product title is shown');
    await agent.getByTestId('footprint-latest').filter({ hasText: title }).waitFor();
    await agent.screenshot({ path: path.join(ARTIFACTS, 'workbench-footprints.png') });
    await agent.getByTestId('customer-tabs').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await agent.getByTestId('customer-pane').screenshot({ path: path.join(ARTIFACTS, 'right-pane-footprints.png') });
    assert.deepEqual(browsers.pageErrors, []);
  });
});
