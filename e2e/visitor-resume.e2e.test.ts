// Issue 8, item 1 in the browser: the widget resumes the same anonymous visitor after a reload with the secret the server
// issued; a second browser that copies only the visitorId gets a new, empty conversation, and the agent sees the
// visitor marked 未验证. Run: npm run build && node --import tsx --test e2e/visitor-resume.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const SHOP = 'demo';
const FIRST = `我先问一下，这款有现货吗？#${Date.now().toString(36)}`;

describe('anonymous visitor resume on /demo-shop, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'buyer' | 'copycat' | 'agent'>;
  let buyer: Page;
  let copycat: Page;
  let agent: Page;

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    requireBuilt('apps/widget/dist/demo-shop.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browsers = await openBrowsers(['buyer', 'copycat', 'agent']);
    ({ buyer, copycat, agent } = browsers.pages);
  });
  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  const openChat = async (page: Page) => {
    await page.goto(`${server.url}/demo-shop`);
    await page.getByTestId('gd-launcher').click();
    await page.getByTestId('gd-panel').waitFor({ state: 'visible' });
  };
  const storedMessages = (page: Page) =>
    page.locator('[data-testid="gd-message"][data-sender="buyer"][data-seq]:not([data-seq=""])');
  const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), `golddesk:${SHOP}:${key}`);

  it('keeps the visitor across a reload with the server-issued secret; a copied visitorId alone starts afresh', async () => {
    await openChat(buyer);
    await buyer.getByTestId('gd-input').fill(FIRST);
    await buyer.getByTestId('gd-input').press('Enter');
    await storedMessages(buyer).filter({ hasText: FIRST }).waitFor();
    const visitorId = await stored(buyer, 'visitorId');
    const visitorSecret = await stored(buyer, 'visitorSecret');
    assert.ok(visitorId && visitorSecret, 'the widget keeps the pair the server issued');

    // A reload (even with the saved session token dropped) resumes the same visitor through the secret.
    await buyer.evaluate((k) => localStorage.removeItem(k), `golddesk:${SHOP}:session`);
    await openChat(buyer);
    await storedMessages(buyer).filter({ hasText: FIRST }).waitFor();
    assert.equal(await stored(buyer, 'visitorId'), visitorId);

    // Another browser that learned only the visitorId gets a new, empty conversation under a new id.
    await copycat.goto(`${server.url}/demo-shop`);
    await copycat.evaluate(([k, v]) => localStorage.setItem(k, v), [`golddesk:${SHOP}:visitorId`, visitorId] as const);
    await openChat(copycat);
    await copycat.getByTestId('gd-input').fill('我是第二个浏览器');
    await copycat.getByTestId('gd-input').press('Enter');
    await storedMessages(copycat).filter({ hasText: '我是第二个浏览器' }).waitFor();
    assert.equal(await storedMessages(copycat).filter({ hasText: FIRST }).count(), 0, "nobody else's history");
    assert.notEqual(await stored(copycat, 'visitorId'), visitorId);
    await copycat.screenshot({ path: path.join(ARTIFACTS, 'visitor-copycat.png') });

    // The agent sees both as unverified visitors, each with their own chat.
    await signIn(agent, server.url, SHOP, 'presale1', DEMO_PASSWORD);
    await agent.getByTestId('contact-tab-all').click();
    const first = agent.getByTestId('contact-item').filter({ hasText: FIRST });
    await first.waitFor();
    assert.equal(await first.getByTestId('contact-unverified').count(), 1);
    await first.click();
    await agent.getByTestId('customer-unverified').waitFor();
    await agent.screenshot({ path: path.join(ARTIFACTS, 'visitor-unverified-agent.png') });
    assert.deepEqual(browsers.pageErrors, []);
  });
});
