// Browser end-to-end test of 自动化 → 催付: a support agent sees the demo shop's open phone follow-up tasks, takes one,
// records the outcome 会付款 with a note, and finds it under 已处理; the figures chart draws its bars; the owner edits the
// reminder template and sees the preview. Screenshots go to test-artifacts/.
// Run: npm run build && node --import tsx --test e2e/reminders.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Page } from 'playwright-core';
import { ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

describe('催付 in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'support' | 'owner'>;

  const openReminders = async (page: Page) => {
    await page.getByTestId('nav-automation').click();
    await page.getByTestId('automation-menu-reminders').click();
    await page.getByTestId('reminders-section').waitFor();
  };
  // The section scrolls inside its pane: shoot it in a taller window, then restore.
  const tallShot = async (page: Page, file: string, height = 1700) => {
    await page.setViewportSize({ width: 1440, height });
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(ARTIFACTS, file) });
    await page.setViewportSize({ width: 1440, height: 900 });
  };

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer({ env: { JOBS_TICK_SECONDS: '0' } });
    browsers = await openBrowsers(['support', 'owner'] as const);
  });
  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('a support agent takes an open follow-up task and records 会付款; the chart shows bars by day', async () => {
    const page = browsers.pages.support;
    await signIn(page, server.url, 'demo', 'support1', DEMO_PASSWORD);
    await openReminders(page);

    // The figures: 7 days of bars (reminded / paid) and the success-rate line, drawn as SVG.
    const chart = page.getByTestId('reminder-chart');
    await chart.locator('svg').waitFor();
    await page.waitForTimeout(800);
    const bars = await chart.locator('svg path').count();
    assert.ok(bars >= 10, `expected bars in the chart, found ${bars} paths`);
    await assert.doesNotReject(page.getByTestId('reminder-totals').getByText('催付订单').waitFor());

    const tasks = page.getByTestId('reminder-tasks');
    const firstRow = tasks.locator('tbody tr[data-testid^="reminder-task-"]').first();
    await firstRow.waitFor();
    const orderNo = (await firstRow.getAttribute('data-testid'))!.replace('reminder-task-', '');
    assert.match(await firstRow.innerText(), /未认领/);
    await tallShot(page, 'reminders-support.png');

    await firstRow.getByRole('button', { name: '我来跟进' }).click();
    await firstRow.getByText('辅助-小周').waitFor();
    await firstRow.locator('input').fill('买家说晚上发工资后付款');
    await firstRow.getByRole('button', { name: '会付款' }).click();
    await page.getByText('已记录：会付款').waitFor();
    await page.getByTestId(`reminder-task-${orderNo}`).waitFor({ state: 'detached' });

    await tasks.getByText('已处理').click();
    const doneRow = page.getByTestId(`reminder-task-${orderNo}`);
    await doneRow.waitFor();
    const doneText = await doneRow.innerText();
    assert.match(doneText, /会付款/);
    assert.match(doneText, /买家说晚上发工资后付款/);
    await tallShot(page, 'reminders-support-done.png', 1100);
    assert.deepEqual(browsers.pageErrors, []);
  });

  it('the owner edits the reminder message and sees the preview filled in', async () => {
    const page = browsers.pages.owner;
    await signIn(page, server.url, 'demo', 'owner', DEMO_PASSWORD);
    await openReminders(page);
    const template = page.getByTestId('reminder-template');
    await template.fill('{买家昵称}您好，订单 {订单号} 还差一步付款 {付款金额}～');
    await page.getByTestId('reminder-incentive').fill('今天付款送 5 元无门槛券');
    const preview = page.getByTestId('reminder-preview');
    await preview.getByText('小雨您好，订单 2026110012345678 还差一步付款 ¥259.00～').waitFor();
    assert.match(await preview.innerText(), /今天付款送 5 元无门槛券/);
    await page.getByTestId('reminder-save').click();
    await page.getByText('催付设置已保存').waitFor();
    await page.getByTestId('reminder-settings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'reminders-settings.png') });
    assert.deepEqual(browsers.pageErrors, []);
  });
});
