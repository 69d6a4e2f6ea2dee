// Browser end-to-end test: the Content-Security-Policy and other security headers let the workbench, the demo
// shop with its widget, and a shop page on ANOTHER origin embedding the widget all work, with no CSP violation;
// and 退出登录 / 停用 end the agent's token on the server. Real Chromium against an in-process server.
// Run: node --import tsx --test e2e/security-headers.e2e.test.ts
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { api } from '../apps/server/test/helpers/clients.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const TIMEOUT_MS = 15_000;
const STAMP = Date.now().toString(36);

/** Records CSP violations (the DOM event) and console lines about them, from before any page script runs. */
async function watchPolicy(page: Page, name: string, problems: string[]) {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`);
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|CSP violation|Refused to|Cross-Origin-Resource-Policy|ERR_BLOCKED/i.test(text))
      problems.push(`${name}: ${text}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    if (/BLOCKED/i.test(reason)) problems.push(`${name}: ${request.url()} ${reason}`);
  });
}

/** A stored (acknowledged) message of the widget: it has a seq. */
function storedWidgetMessage(page: Page, text: string) {
  return page.getByTestId('gd-message').filter({ hasText: text }).and(page.locator('[data-seq]:not([data-seq=""])'));
}

describe('security headers in Chromium: no CSP violations, the widget still embeds cross-origin', () => {
  let server: TestServer;
  let shopSite: http.Server;
  let shopSiteUrl = '';
  let browsers: Browsers<'agent' | 'buyer' | 'elsewhere' | 'owner'>;
  const problems: string[] = [];

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    requireBuilt('apps/widget/dist/demo-shop.html');
    requireBuilt('apps/widget/dist/golddesk-widget.js');
    server = await startTestServer();
    // A shop's own site on another origin (localhost vs 127.0.0.1, another port) pasting the embed snippet.
    shopSite = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><meta charset="utf-8"><title>别家店铺</title><h1>别家店铺</h1>
        <script src="${server.url}/widget/golddesk-widget.js" data-shop="demo" async></script>`);
    });
    await new Promise<void>((resolve) => shopSite.listen(0, '127.0.0.1', resolve));
    shopSiteUrl = `http://localhost:${(shopSite.address() as AddressInfo).port}/`;
    browsers = await openBrowsers(['agent', 'buyer', 'elsewhere', 'owner'], TIMEOUT_MS);
    for (const [name, page] of Object.entries(browsers.pages) as [string, Page][]) await watchPolicy(page, name, problems);
  });

  after(async () => {
    await browsers?.close();
    await new Promise((resolve) => shopSite?.close(resolve));
    await server?.close();
  });

  it('the demo shop: the widget opens and a message is sent and stored', async () => {
    const { buyer } = browsers.pages;
    const page = await buyer.goto(`${server.url}/demo-shop`);
    assert.match(page?.headers()['content-security-policy'] ?? '', /script-src 'self'/, 'the page is under the strict policy');
    await buyer.getByTestId('gd-launcher').click();
    await buyer.getByTestId('gd-panel').waitFor({ state: 'visible' });
    await buyer.getByTestId('gd-input').fill(`CSP 测试 ${STAMP}`);
    await buyer.getByTestId('gd-input').press('Enter');
    await storedWidgetMessage(buyer, `CSP 测试 ${STAMP}`).waitFor();
    assert.equal(await storedWidgetMessage(buyer, `CSP 测试 ${STAMP}`).count(), 1, 'the buyer sees the message once, sent');
  });

  it('the workbench: sign in, open the chat, reply; the widget receives it live', async () => {
    const { agent, buyer } = browsers.pages;
    await signIn(agent, server.url, 'demo', 'presale1', DEMO_PASSWORD);
    await agent
      .getByTestId('contact-item')
      .filter({ hasText: `CSP 测试 ${STAMP}` })
      .click();
    await agent.getByTestId('chat-input').fill(`收到 ${STAMP}`);
    await agent.getByTestId('chat-input').press('Enter');
    await storedWidgetMessage(buyer, `收到 ${STAMP}`).waitFor();
    assert.equal(await storedWidgetMessage(buyer, `收到 ${STAMP}`).count(), 1, "the buyer reads the agent's reply");
    assert.equal(
      await agent
        .getByTestId('message-item')
        .filter({ hasText: `收到 ${STAMP}` })
        .count(),
      1,
    );
  });

  it('a shop page on another origin embeds the widget script and chats through it', async () => {
    const { elsewhere } = browsers.pages;
    await elsewhere.goto(shopSiteUrl);
    await elsewhere.getByTestId('gd-launcher').click();
    await elsewhere.getByTestId('gd-panel').waitFor({ state: 'visible' });
    await elsewhere.getByTestId('gd-input').fill(`别家店铺来的 ${STAMP}`);
    await elsewhere.getByTestId('gd-input').press('Enter');
    await storedWidgetMessage(elsewhere, `别家店铺来的 ${STAMP}`).waitFor();
    assert.equal(await elsewhere.title(), '别家店铺', "still the shop's own page");
    assert.equal(await storedWidgetMessage(elsewhere, `别家店铺来的 ${STAMP}`).count(), 1, 'the message is sent from there');
  });

  it('the owner disables presale1 on the team page: presale1 is sent back to the login page', async () => {
    const { owner, agent } = browsers.pages;
    await signIn(owner, server.url, 'demo', 'owner', DEMO_PASSWORD);
    await owner.getByTestId('nav-team').click();
    const row = owner.locator('[data-testid="team-row"][data-username="presale1"]');
    await row.getByTestId('team-disable').click();
    await owner.locator('.ant-popconfirm .ant-btn-primary').click();
    await row.locator('[data-testid="team-status"][data-disabled="true"]').waitFor();
    assert.equal(await row.getByTestId('team-status').innerText(), '已停用');
    // The socket is closed by the server (4401); the workbench checks its token and returns to the login form.
    await agent.getByTestId('login-username').waitFor();
    assert.ok(await agent.getByTestId('login-submit').isVisible(), 'presale1 sees the login form again');
    await row.getByTestId('team-enable').click();
    await row.locator('[data-testid="team-status"][data-disabled="false"]').waitFor();
    assert.equal(await row.getByTestId('team-status').innerText(), '正常');
    // Every page of the workbench (admin pages load lazily, charts included) runs under the policy.
    for (const view of ['customers', 'products', 'logistics', 'automation', 'imports', 'settings', 'workbench']) {
      await owner.getByTestId(`nav-${view}`).click();
      await owner.locator(`[data-testid="nav-${view}"][aria-current="page"]`).waitFor();
      await owner.locator('.page-loading').waitFor({ state: 'detached' });
      // Let the page's first data arrive and render (a violation would be reported meanwhile).
      await owner.waitForLoadState('networkidle');
      await owner.waitForTimeout(300);
    }
    assert.equal(await owner.locator('[data-testid="nav-workbench"][aria-current="page"]').count(), 1, 'back on 工作台');
    assert.ok(await owner.getByTestId('contact-tab-waiting').isVisible(), 'the contact list is shown again');
  });

  it('退出登录 ends the token on the server, not only in the browser', async () => {
    const { owner } = browsers.pages;
    const token = await owner.evaluate(
      () => (JSON.parse(localStorage.getItem('golddesk.session') ?? '{}') as { token?: string }).token,
    );
    assert.ok(token);
    assert.equal((await api(server.url, 'GET', '/api/v1/me', { token })).status, 200);
    await owner.getByTestId('logout').click();
    await owner.getByTestId('login-username').waitFor();
    assert.equal(
      (await api(server.url, 'GET', '/api/v1/me', { token })).status,
      401,
      'a copied token is worthless after sign-out',
    );
  });

  it('no page saw a CSP violation, a blocked resource or an uncaught error', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(browsers.pageErrors, []);
  });
});
