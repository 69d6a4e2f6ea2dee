// Browser test of 绩效 (issue 13): the demo shop's week renders the morning board (yesterday and this week per agent,
// the team's total, targets marked) and its charts (canvases with the series drawn); a column sorts, a figure opens the
// rows behind it, the board and a drill-down export to Excel and CSV, a new target re-marks the board, and an agent
// sees only their own figures (我的绩效). Screenshots at 1366×768 in Chinese and English go to docs/screenshots.
// Run: npm run build && node --import tsx --test e2e/measures.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Download, Page } from 'playwright-core';
import type { MeasureFactsResponse, MeasureRow, MeasuresResponse } from '@golddesk/contracts';
import { openBrowsers, requireBuilt, ROOT, signIn, type Browsers } from './helpers/browser.js';
import { api, loginAgent } from '../apps/server/test/helpers/clients.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const TIMEOUT_MS = 20_000;
// A Thursday morning: the board's 昨天 is Wednesday 11-04, 本周 is Monday 11-02 to today; the demo's week lies behind.
const T0 = Date.parse('2026-11-05T10:30:00+08:00');
const YESTERDAY = '2026-11-04';
const MONDAY = '2026-11-02';
const TODAY = '2026-11-05';
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const LAPTOP = { viewport: { width: 1366, height: 768 } };

/** Pixels of a canvas close to `hex` (a series' colour): a chart whose series were drawn has plenty. */
async function pixelsOf(page: Page, testId: string, hex: string): Promise<number> {
  return page.getByTestId(testId).evaluate((element, color) => {
    const canvas = element.querySelector('canvas');
    if (!canvas) return 0;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (
        data[i + 3]! > 200 &&
        Math.abs(data[i]! - r!) < 24 &&
        Math.abs(data[i + 1]! - g!) < 24 &&
        Math.abs(data[i + 2]! - b!) < 24
      )
        count++;
    }
    return count;
  }, hex);
}

describe('绩效 in Chromium: the morning board, its charts, drill-down, export, targets', () => {
  let server: TestServer;
  let browsers: Browsers<'owner' | 'presale'>;
  let page: Page;
  let ownerToken = '';
  let presale: { token: string; agent: { id: string; name: string } };

  const figures = async (from: string, to: string, by = 'agent') =>
    (await api<MeasuresResponse>(server.url, 'GET', `/api/v1/measures?from=${from}&to=${to}&by=${by}`, { token: ownerToken }))
      .body;
  const board = (period: 'yesterday' | 'thisWeek') => page.getByTestId(`board-${period}`);
  const labels = async (period: 'yesterday' | 'thisWeek') => board(period).getByTestId('measure-row-label').allInnerTexts();
  const saved = async (download: Download) => fs.readFileSync((await download.path())!);
  /** A screenshot of the page without the toasts (已导出 …): under the browser's fixed clock they never time out. */
  const shoot = async (file: string) => {
    const hide = await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await page.screenshot({ path: path.join(SCREENSHOTS, file) });
    await hide.evaluate((style) => (style as ChildNode).remove());
  };

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startTestServer({ now: () => new Date(T0) });
    ownerToken = (await loginAgent(server.url, 'owner')).token;
    presale = await loginAgent(server.url, 'presale1');
    browsers = await openBrowsers(['owner', 'presale'], TIMEOUT_MS, { owner: LAPTOP, presale: LAPTOP });
    // The browsers' clocks read the server's morning (timers keep running: the charts animate as usual).
    for (const each of Object.values(browsers.pages)) await each.clock.setFixedTime(T0);
    page = browsers.pages.owner;
  });
  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('the owner opens 绩效 from the header: 团队绩效, yesterday and this week per agent with the team total', async () => {
    await signIn(page, server.url, 'demo', 'owner', DEMO_PASSWORD);
    await page.getByTestId('nav-measures').click();
    await page.getByTestId('page-measures').waitFor();
    assert.equal(await page.getByTestId('measures-title').innerText(), '团队绩效');
    await board('yesterday').getByTestId('measure-row').first().waitFor();

    const yesterday = await figures(YESTERDAY, YESTERDAY);
    assert.ok(yesterday.total.turns > 0, 'the demo shop served buyers yesterday');
    assert.deepEqual((await labels('yesterday')).sort(), yesterday.rows.map((row) => row.label).sort());
    await board('thisWeek').getByTestId('measure-row').first().waitFor();
    const week = await figures(MONDAY, TODAY);
    assert.ok(week.total.turns > yesterday.total.turns, 'the week holds more than yesterday');
    assert.match(await board('thisWeek').locator('.ant-card-head-title').innerText(), /本周\s*2026-11-02 ~ 2026-11-05/);

    // The total row reads like the API's total: the fast share as a percentage, the sales in yuan.
    const total = board('yesterday').getByTestId('measure-total');
    const share = `${Number((yesterday.total.fastShare! * 100).toFixed(1))}%`;
    assert.equal(await total.getByTestId('measure-cell-fastShare').innerText(), share);
    assert.match(await total.getByTestId('measure-cell-paidFen').innerText(), /^¥[\d,]+\.\d{2}$/);
    assert.match(await total.getByTestId('measure-cell-averageResponseSeconds').innerText(), /^(\d+ 分 )?\d+ 秒$|^\d+ 分$/);
    // Against the shop's targets (the defaults: 80% within 3 minutes): met green, missed red.
    const expected = yesterday.total.fastShare! >= yesterday.targets.fastShare! ? 'met' : 'missed';
    assert.equal(await total.getByTestId('measure-cell-fastShare').getAttribute('data-mark'), expected);

    await shoot('measures-board-zh.png');
  });

  it('every column sorts: 平均响应 ascending puts the quickest agent first, nothing counted last', async () => {
    const yesterday = await figures(YESTERDAY, YESTERDAY);
    await board('yesterday').locator('th', { hasText: '平均响应' }).click();
    const byAverage = [...yesterday.rows].sort((a: MeasureRow, b: MeasureRow) => {
      if (a.averageResponseSeconds === null || b.averageResponseSeconds === null) {
        return a.averageResponseSeconds === b.averageResponseSeconds ? 0 : a.averageResponseSeconds === null ? 1 : -1;
      }
      return a.averageResponseSeconds - b.averageResponseSeconds;
    });
    assert.deepEqual(
      await labels('yesterday'),
      byAverage.map((row) => row.label),
    );
  });

  it("a figure opens the rows behind it: 糖糖's 平均响应 yesterday lists her turns, exported to CSV", async () => {
    const cell = board('yesterday')
      .locator(`tr[data-row-key="${presale.agent.id}"]`)
      .getByTestId('measure-cell-averageResponseSeconds');
    await cell.click();
    const drawer = page.getByTestId('facts-drawer');
    await drawer.getByTestId('facts-table').locator('tbody tr.ant-table-row').first().waitFor();
    assert.equal(await drawer.locator('.ant-drawer-title').innerText(), `平均响应 · 售前-糖糖 · ${YESTERDAY}`);
    const facts = (
      await api<MeasureFactsResponse>(
        server.url,
        'GET',
        `/api/v1/measures/facts?kind=turns&from=${YESTERDAY}&to=${YESTERDAY}&agentId=${presale.agent.id}`,
        { token: ownerToken },
      )
    ).body;
    assert.ok(facts.total > 0);
    assert.match(await drawer.locator('.ant-pagination-total-text').innerText(), new RegExp(`共 ${facts.total} 条`));
    const headers = await drawer.locator('thead th').allInnerTexts();
    assert.ok(headers.includes('开始时间') && headers.includes('状态') && headers.includes('响应时间'), headers.join('|'));
    assert.ok((await drawer.locator('tbody').innerText()).includes('已回复'), 'statuses are in words');
    await shoot('measures-drill-zh.png');

    const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByTestId('facts-export-csv').click()]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    const csv = (await saved(download)).toString('utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 with BOM, so Excel reads the Chinese');
    assert.ok(csv.includes('售前-糖糖'));
    assert.equal(csv.trim().split(/\r?\n/).length, facts.total + 1, 'a header and every turn, not just the page shown');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('the board exports to Excel', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('board-thisWeek-export-xlsx').click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    assert.equal((await saved(download)).subarray(0, 2).toString('latin1'), 'PK', 'an xlsx is a zip');
  });

  it('图表: trends, by hour, the distribution, the funnel and satisfaction are drawn; the funnel opens its inquiries', async () => {
    await page.getByTestId('tab-charts').click();
    await page.getByTestId('chart-funnel').locator('canvas').waitFor();
    // Each chart's own series colour is on its canvas (not just axes): the data was drawn.
    const series: [string, string][] = [
      ['chart-response', '#1677ff'],
      ['chart-fast', '#52c41a'],
      ['chart-conversion', '#ff6a00'],
      ['chart-satisfaction', '#722ed1'],
      ['chart-hour', '#1677ff'],
      ['chart-distribution', '#52c41a'],
      ['chart-funnel', '#ff6a00'],
      ['chart-scores', '#389e0d'],
      ['chart-reasons', '#722ed1'],
    ];
    for (const [testId, color] of series) {
      await page.getByTestId(testId).scrollIntoViewIfNeeded();
      let drawn = 0;
      for (let attempt = 0; attempt < 20 && drawn < 40; attempt++) {
        drawn = await pixelsOf(page, testId, color);
        if (drawn < 40) await page.waitForTimeout(150);
      }
      assert.ok(drawn >= 40, `${testId} has its series drawn (${drawn} px of ${color})`);
    }
    await page.getByTestId('page-measures').evaluate((element) => element.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await shoot('measures-charts-zh.png');

    await page.getByTestId('chart-funnel').click();
    const drawer = page.getByTestId('facts-drawer');
    await drawer.getByTestId('facts-table').locator('tbody tr.ant-table-row').first().waitFor();
    assert.match(await drawer.locator('.ant-drawer-title').innerText(), /^最终转化率 · 2026-10-30 ~ 2026-11-05$/);
    assert.ok((await drawer.locator('thead th').allInnerTexts()).includes('咨询时间'));
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('a new target re-marks the board: 满意度 this week turns green once the bar is below it', async () => {
    const week = await figures(MONDAY, TODAY);
    const satisfaction = week.total.satisfaction!;
    assert.ok(satisfaction < 0.9, `the demo week misses the default 90% (${satisfaction})`);
    await page.getByTestId('tab-board').click();
    const cell = board('thisWeek').getByTestId('measure-total').getByTestId('measure-cell-satisfaction');
    assert.equal(await cell.getAttribute('data-mark'), 'missed');

    await page.getByTestId('targets-open').click();
    const field = page.getByTestId('target-satisfaction');
    const bar = Math.max(0, Math.floor(satisfaction * 100) - 1);
    await field.fill(String(bar));
    await page.getByTestId('targets-save').click();
    // Saved: the dialog closes (what it says when it does not is the failure's message).
    const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('target-satisfaction') });
    await dialog.waitFor({ state: 'hidden' }).catch(async (error: unknown) => {
      assert.fail(`the targets dialog stayed open: ${await dialog.innerText().catch(() => '')} (${String(error)})`);
    });
    await page.getByText('绩效目标已保存').waitFor();
    await assert.doesNotReject(async () => {
      for (let attempt = 0; attempt < 40 && (await cell.getAttribute('data-mark')) !== 'met'; attempt++) {
        await page.waitForTimeout(100);
      }
    });
    assert.equal(await cell.getAttribute('data-mark'), 'met');
    const targets = (await api<{ satisfaction: number }>(server.url, 'GET', '/api/v1/measures/targets', { token: ownerToken }))
      .body;
    assert.equal(targets.satisfaction, bar / 100);
  });

  it('in English the same board reads Team performance, seconds as "s" and the presets in English', async () => {
    await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    assert.equal(await page.getByTestId('measures-title').innerText(), 'Team performance');
    assert.match(
      await board('yesterday').getByTestId('measure-total').getByTestId('measure-cell-averageResponseSeconds').innerText(),
      /^(\d+ min )?\d+ s$|^\d+ min$/,
    );
    assert.ok((await board('yesterday').locator('thead').innerText()).includes('Avg. reply'));
    await shoot('measures-board-en.png');
    await page.getByTestId('tab-charts').click();
    await page.getByTestId('chart-response').locator('canvas').waitFor();
    await page.waitForTimeout(1200);
    await shoot('measures-charts-en.png');
    await page.getByTestId('language-switch').getByText('中文', { exact: true }).click();
  });

  it('an agent sees 我的绩效: their own row only, no team total, no targets to set', async () => {
    const agent = browsers.pages.presale;
    await signIn(agent, server.url, 'demo', 'presale1', DEMO_PASSWORD);
    await agent.getByTestId('nav-measures').click();
    await agent.getByTestId('board-yesterday').getByTestId('measure-row').first().waitFor();
    assert.equal(await agent.getByTestId('measures-title').innerText(), '我的绩效');
    assert.deepEqual(await agent.getByTestId('board-yesterday').getByTestId('measure-row-label').allInnerTexts(), [
      presale.agent.name,
    ]);
    assert.equal(await agent.getByTestId('measure-total').count(), 0);
    assert.equal(await agent.getByTestId('targets-open').count(), 0);
    assert.deepEqual(browsers.pageErrors, []);
  });
});
