// Browser end-to-end test of 自动化 → 群发: the owner creates a broadcast to the demo shop's 高价值 segment (sees its
// size and the preview), starts it, and watches the progress reach 已完成. Screenshots go to test-artifacts/.
// Run: npm run build && node --import tsx --test e2e/broadcasts.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

// A moving clock that starts at 10:00 China time, so the quiet hours never pause the test whatever the real time.
const started = Date.now();
const now = () => new Date(Date.parse('2026-11-05T02:00:00.000Z') + (Date.now() - started));

describe('群发 in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'owner'>;

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer({ now, env: { JOBS_TICK_SECONDS: '1' } });
    browsers = await openBrowsers(['owner'] as const);
  });
  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('the owner broadcasts to 高价值, starts it and sees the progress reach 已完成', async () => {
    const page = browsers.pages.owner;
    await signIn(page, server.url, 'demo', 'owner', DEMO_PASSWORD);
    await page.getByTestId('nav-automation').click();
    await page.getByTestId('automation-menu-broadcasts').click();
    await page.getByTestId('broadcasts').waitFor();

    await page.getByTestId('broadcast-add').click();
    await page.getByTestId('broadcast-title').fill('双11预热 · 高价值老客');
    await page.getByTestId('broadcast-segment').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '高价值' }).click();
    const audience = page.getByTestId('broadcast-audience');
    await audience.waitFor();
    assert.match(await audience.innerText(), /实际可发 \d+ 人/);
    assert.match(await page.getByTestId('broadcast-preview').innerText(), /亲爱的小雨/);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(ARTIFACTS, 'broadcasts-form.png') });
    await page.getByTestId('broadcast-save-start').click();

    const row = page.locator('tr[data-testid^="broadcast-row-"]').filter({ hasText: '双11预热 · 高价值老客' });
    await row.locator('[data-testid="broadcast-status"][data-status="done"]').waitFor({ timeout: 20_000 });
    assert.match(await row.innerText(), /已完成/);
    const [, sent, recipients] = /(\d+) \/ (\d+)/.exec(await row.getByTestId('broadcast-progress').innerText()) ?? [];
    assert.ok(sent && recipients, 'the progress reads sent / recipients');
    await page.screenshot({ path: path.join(ARTIFACTS, 'broadcasts-section.png') });

    await row.getByText('详情').click();
    await page.getByText('3 天内回复').waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(ARTIFACTS, 'broadcasts-drawer.png') });
    // The details repeat what the row said: done, to 高价值, and how many were sent out of how many.
    const drawer = await page.getByTestId('broadcast-drawer').innerText();
    assert.match(drawer, /状态\s+已完成/);
    assert.match(drawer, /目标分群\s+高价值/);
    assert.match(drawer, new RegExp(`目标人数\\s+${recipients}\\s`));
    assert.match(drawer, new RegExp(`已发送\\s+${sent}\\s`));
    assert.deepEqual(browsers.pageErrors, [], 'no uncaught errors in the page');
  });
});
