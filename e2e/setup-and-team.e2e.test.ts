// Browser end-to-end test: first-run setup without the demo shop (GOLDDESK_DEMO=0), then the team page:
// the owner adds a 售前 colleague, who signs in and may not add anyone. Real Chromium against an in-process
// server. Run: node --import tsx --test e2e/*.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Page } from 'playwright-core';
import { ARTIFACTS, openBrowsers, requireBuilt, type Browsers } from './helpers/browser.js';
import { startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const TIMEOUT_MS = 15_000;

const OWNER = { shop: 'golden-shop', shopName: '小金的服装店', username: 'boss', name: '金老板', password: 'owner-pass-123' };
const COLLEAGUE = { username: 'xiaomei', name: '售前-小美', password: 'presale-pass-123' };

describe('first-run setup and the team page, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'owner'>;
  let page: Page;

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer({ env: { GOLDDESK_DEMO: '0' } });
    browsers = await openBrowsers(['owner'], TIMEOUT_MS);
    page = browsers.pages.owner;
  });

  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('an empty server shows the setup form instead of the login form', async () => {
    await page.goto(`${server.url}/`);
    await page.getByTestId('setup-shop').waitFor();
    assert.equal(await page.getByTestId('login-username').count(), 0, 'no login form before a shop exists');
  });

  it('the form checks the slug and the password confirmation in Chinese before sending', async () => {
    await page.getByTestId('setup-shop').fill('Golden Shop');
    await page.getByTestId('setup-password').fill(OWNER.password);
    await page.getByTestId('setup-password-confirm').fill(`${OWNER.password}x`);
    await page.getByTestId('setup-submit').click();
    await page.getByText('只能用小写字母、数字和短横线').first().waitFor();
    await page.getByText('两次输入的密码不一致').waitFor();
    assert.equal(await page.getByTestId('contact-tab-waiting').count(), 0, 'nothing was submitted');
  });

  it('setup creates the shop and opens the (empty) workbench as 店长', async () => {
    await page.getByTestId('setup-shop').fill(OWNER.shop);
    await page.getByTestId('setup-shop-name').fill(OWNER.shopName);
    await page.getByTestId('setup-username').fill(OWNER.username);
    await page.getByTestId('setup-name').fill(OWNER.name);
    await page.getByTestId('setup-password').fill(OWNER.password);
    await page.getByTestId('setup-password-confirm').fill(OWNER.password);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('contact-tab-waiting').waitFor();
    assert.equal((await page.getByTestId('shop-name').innerText()).trim(), OWNER.shopName);
    assert.equal((await page.getByTestId('agent-role').innerText()).trim(), '店长');
    const status = (await (await fetch(`${server.url}/api/v1/setup`)).json()) as { needed: boolean };
    assert.equal(status.needed, false, 'setup is done once the shop exists');
  });

  it('the owner adds a 售前 colleague from the team page', async () => {
    // Every page link is worded (admin pages load lazily; their labels must not).
    const links = await page.locator('.app-nav [data-testid^="nav-"]').allInnerTexts();
    assert.ok(links.length >= 7, `the owner sees the admin pages (${links.join(' ')})`);
    assert.deepEqual(
      links.filter((text) => !/^[\u4e00-\u9fff]+$/.test(text.trim())),
      [],
      'each link is a Chinese word, not a key',
    );
    await page.getByTestId('nav-team').click();
    const table = page.getByTestId('team-table');
    await table.getByText(OWNER.name).waitFor();
    await page.getByTestId('team-add').click();
    await page.getByTestId('team-add-username').fill(COLLEAGUE.username);
    await page.getByTestId('team-add-name').fill(COLLEAGUE.name);
    await page.getByTestId('team-add-password').fill(COLLEAGUE.password);
    // 售前 is pre-selected for a new colleague.
    assert.equal((await page.getByTestId('team-add-role').innerText()).trim(), '售前');
    await page.getByTestId('team-add-submit').click();

    const row = page.getByTestId('team-row').filter({ hasText: COLLEAGUE.name });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(COLLEAGUE.username));
    assert.equal(await row.getByTestId('team-role').getAttribute('data-role'), 'presale');
    assert.equal((await row.getByTestId('team-role').innerText()).trim(), '售前');
    await page.getByTestId('team-add-submit').waitFor({ state: 'hidden' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'team-owner.png') });
  });

  it('the colleague signs in and sees the team without the add button', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    assert.equal(await page.getByTestId('setup-shop').count(), 0, 'the login form, not setup, once a shop exists');
    assert.equal(await page.getByTestId('login-shop').inputValue(), OWNER.shop, 'the shop is remembered from setup');
    await page.getByTestId('login-username').fill(COLLEAGUE.username);
    await page.getByTestId('login-password').fill(COLLEAGUE.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('contact-tab-waiting').waitFor();
    assert.equal((await page.getByTestId('agent-role').innerText()).trim(), '售前');

    await page.getByTestId('nav-team').click();
    await page.getByTestId('team-row').filter({ hasText: COLLEAGUE.name }).waitFor();
    await page.getByTestId('team-row').filter({ hasText: OWNER.name }).waitFor();
    assert.equal(await page.getByTestId('team-add').count(), 0, 'a 售前 agent may not add colleagues');
    await page.screenshot({ path: path.join(ARTIFACTS, 'team-presale.png') });

    await page.getByTestId('nav-workbench').click();
    await page.getByTestId('contact-tab-waiting').waitFor();
    assert.deepEqual(browsers.pageErrors, [], 'no uncaught errors in the page');
  });
});
