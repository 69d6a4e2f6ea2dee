// Browser test of Customer 360: in the right pane the owner sets the customer type (its strategy tip shows),
// adds a tag and a note, and they survive a reload; the 客户 page lists a saved segment and the blacklist.
// Run: npm run build && node --import tsx --test e2e/crm.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const NICK = '奶茶不加糖'; // waiting in 待接待; the demo marks her 讲价型
const NOTE = `喜欢粉色系，下次上新提前告诉她 #${Date.now().toString(36)}`;

describe('customer 360 in the right pane and the 客户 page, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'owner'>;
  let owner: Page;

  const scrollPaneTop = () =>
    owner
      .getByTestId('customer-pane')
      .locator('.customer-scroll')
      .evaluate((el) => el.scrollTo(0, 0));

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browsers = await openBrowsers(['owner']);
    owner = browsers.pages.owner;
  });
  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('sets the type (tip shown), adds a tag and a note; all persist after a reload', async () => {
    await signIn(owner, server.url, 'demo', 'owner', DEMO_PASSWORD);
    await owner.getByTestId('contact-item').filter({ hasText: NICK }).click();
    await owner.getByTestId('customer-nick').filter({ hasText: NICK }).waitFor();
    await owner.getByTestId('customer-type-tip').filter({ hasText: '讲价型' }).waitFor();

    await owner.getByTestId('customer-type-select').click();
    await owner.locator('[data-testid="customer-type-option"][data-type="cautious"]').click();
    const tip = owner.getByTestId('customer-type-tip');
    await tip.filter({ hasText: '谨慎型' }).waitFor();
    assert.match(await tip.innerText(), /真诚、耐心，多给证据/);

    await owner.getByTestId('customer-tag-add').click();
    await owner.keyboard.type('送礼');
    await owner.locator('.ant-select-item-option').filter({ hasText: '送礼' }).first().click();
    await owner.getByTestId('customer-tag').filter({ hasText: '送礼' }).waitFor();

    await owner.getByTestId('customer-tab-notes').click();
    await owner.getByTestId('note-input').fill(NOTE);
    await owner.getByTestId('note-add').click();
    await owner.getByTestId('note-text').filter({ hasText: NOTE }).waitFor();
    await scrollPaneTop();
    await owner.getByTestId('customer-pane').screenshot({ path: path.join(ARTIFACTS, 'right-pane-crm.png') });

    await owner.reload();
    await owner.getByTestId('contact-item').filter({ hasText: NICK }).click();
    await owner.getByTestId('customer-type-tip').filter({ hasText: '谨慎型' }).waitFor();
    await owner.getByTestId('customer-tag').filter({ hasText: '送礼' }).waitFor();
    assert.match(await owner.getByTestId('customer-type-tip').innerText(), /谨慎型/, 'the type survives a reload');
    assert.equal(await owner.getByTestId('customer-tag').filter({ hasText: '送礼' }).count(), 1, 'so does the tag');
    await owner.getByTestId('customer-tab-notes').click();
    await owner.getByTestId('note-text').filter({ hasText: NOTE }).waitFor();
    assert.equal(await owner.getByTestId('note-text').filter({ hasText: NOTE }).count(), 1, 'and the note');
    await owner.getByTestId('customer-tab-profile').click();
    await owner.getByTestId('customer-address').first().waitFor();
    assert.match(await owner.getByTestId('customer-address').first().innerText(), /常用/);
    // The owner sees receivers' phones in full; 售前 sees them masked (e2e/right-pane.e2e.test.ts).
    assert.match(await owner.getByTestId('customer-address').first().innerText(), /\d{10,11}/, 'phone in full for the owner');
    await owner.getByTestId('customer-block').waitFor();
    await owner.getByTestId('customer-tabs').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await owner.getByTestId('customer-pane').screenshot({ path: path.join(ARTIFACTS, 'right-pane-profile.png') });
  });

  it('lists a saved segment and the blacklist on the 客户 page, with a 360 drawer that opens the chat', async () => {
    await owner.getByTestId('nav-customers').click();
    await owner.getByTestId('page-customers').waitFor();
    await owner.getByTestId('segment-item').filter({ hasText: '沉睡老客' }).click();
    await owner.getByTestId('customer-row-nick').filter({ hasText: '老顾客阿芳' }).waitFor();
    assert.match(await owner.getByTestId('customer-total').innerText(), /共 \d+ 位客户/);
    assert.equal(await owner.getByTestId('filter-silentDays').inputValue(), '60', "the segment's filter is shown");
    await owner.screenshot({ path: path.join(ARTIFACTS, 'customers-page.png') });

    await owner.getByTestId('segment-blacklist').click();
    const blocked = owner.getByTestId('customer-row').filter({ hasText: '专业打假人' });
    await blocked.waitFor();
    assert.match(await blocked.innerText(), /3$/m, 'three held messages');

    await owner.getByTestId('segment-all').click();
    await owner.getByTestId('filter-q').fill(NICK);
    await owner.getByTestId('filter-search').click();
    const row = owner.getByTestId('customer-row').filter({ hasText: NICK });
    await row.waitFor();
    assert.match(await row.innerText(), /谨慎型/);
    await row.click();
    const drawer = owner.getByTestId('customer-drawer');
    await drawer.getByTestId('customer-type-tip').filter({ hasText: '谨慎型' }).waitFor();
    await drawer.getByTestId('customer-tag').filter({ hasText: '送礼' }).waitFor();
    await owner.waitForTimeout(500); // the drawer slides in
    await owner.screenshot({ path: path.join(ARTIFACTS, 'customers-drawer.png') });
    await drawer.getByTestId('customer-open-chat').click();
    await owner.getByTestId('customer-pane').getByTestId('customer-nick').filter({ hasText: NICK }).waitFor();
    assert.deepEqual(browsers.pageErrors, []);
  });
});
