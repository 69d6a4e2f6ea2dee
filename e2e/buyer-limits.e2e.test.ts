// Browser test of the buyer limits (issue #8, item 6): on /demo-shop the whole catalogue still shows although the
// public product list now comes in pages, and a buyer who sends faster than the limit sees the server's words
// ("发送太频繁，请稍后再试") on the refused message and in a notice, instead of a message spinning forever.
// Run: npm run build && node --import tsx --test e2e/buyer-limits.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { ListCatalogueResponse } from '@golddesk/contracts';
import { ARTIFACTS, openBrowsers, requireBuilt, type Browsers } from './helpers/browser.js';
import { api, loginAgent } from '../apps/server/test/helpers/clients.js';
import { startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const LIMIT = 3;
const SLOW_DOWN = '发送太频繁，请稍后再试';

describe('buyer limits on /demo-shop, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'buyer'>;
  let buyer: Page;

  before(async () => {
    requireBuilt('apps/widget/dist/demo-shop.html');
    requireBuilt('apps/widget/dist/golddesk-widget.js');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer({ env: { BUYER_MESSAGES_PER_MINUTE: String(LIMIT) } });
    browsers = await openBrowsers(['buyer']);
    ({ buyer } = browsers.pages);
  });
  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('shows every product on sale, page after page of the public list', async () => {
    // The products on sale, as the owner's 商品 page lists them.
    const { token } = await loginAgent(server.url, 'owner');
    const onSale = (await api<ListCatalogueResponse>(server.url, 'GET', '/api/v1/products?pageSize=200', { token })).body
      .products as { id: string }[];
    assert.ok(onSale.length > 20, 'more than one default page');
    await buyer.goto(`${server.url}/demo-shop`);
    await buyer.getByTestId('product-card').first().waitFor();
    assert.equal(await buyer.getByTestId('product-card').count(), onSale.length);
  });

  it("a buyer past the message limit sees the server's message on the refused message", async () => {
    await buyer.getByTestId('gd-launcher').click();
    await buyer.getByTestId('gd-panel').waitFor({ state: 'visible' });
    const input = buyer.getByTestId('gd-input');
    for (let i = 1; i <= LIMIT; i++) {
      await input.fill(`第${i}条消息`);
      await input.press('Enter');
      await buyer
        .locator('[data-testid="gd-message"][data-sender="buyer"][data-status="sent"]')
        .nth(i - 1)
        .waitFor();
    }
    await input.fill('第4条，太快了');
    await input.press('Enter');
    const refused = buyer.locator('[data-testid="gd-message"][data-status="failed"]').filter({ hasText: '第4条，太快了' });
    await refused.waitFor();
    assert.match(await refused.innerText(), new RegExp(`${SLOW_DOWN}，点击重发`));
    await buyer.locator('.gd-toast').filter({ hasText: SLOW_DOWN }).waitFor({ state: 'visible' });
    await buyer.screenshot({ path: path.join(ARTIFACTS, 'buyer-limits-widget.png') });

    // Nothing past the limit was stored.
    // why: a refused message must be stored in no chat at all, which no single API can tell.
    const stored = await server.app.context.storage.db
      .selectFrom('messages')
      .select('body')
      .where('sender', '=', 'buyer')
      .where('body', 'like', '第%')
      .execute();
    assert.deepEqual(stored.map((m) => m.body).sort(), ['第1条消息', '第2条消息', '第3条消息']);
    assert.deepEqual(browsers.pageErrors, []);
  });
});
