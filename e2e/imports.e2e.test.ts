// Browser end-to-end test of the import page (issue 3 acceptance): the owner uploads an orders CSV of
// 10,003 rows with 3 bad ones → a progress bar → the 3 rows listed by line, the rest imported; a
// malformed file (a PNG named .csv, a CSV without the required columns) is refused and imports nothing.
// Run: node --import tsx --test e2e/imports.e2e.test.ts (after npm run build)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Page } from 'playwright-core';
import { ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { loginAgent } from '../apps/server/test/helpers/clients.js';
import { allOrders } from '../apps/server/test/helpers/lookups.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const HEADER =
  '订单号,买家昵称,订单状态,商品名称,SKU属性,单价,数量,实付金额,收货人,手机,省份,收货地址,物流公司,运单号,下单时间,付款时间,发货时间,签收时间,成交时间,关闭时间,备注';
const GOOD_ORDERS = 10_000;
const row = (orderNo: string, status: string, total: string, n: number) =>
  `${orderNo},E2E买家${n % 250},${status},纯棉宽松短袖T恤,颜色:白色;尺码:M,79.00,1,${total},张三,13800001111,浙江省,杭州市西湖区文三路${n}号,,,2026-11-11 00:05:00,${status === '待付款' ? '' : '2026-11-11 00:06:00'},,,,,`;

/** Header + 10,000 good orders, with a bad amount on line 12, an unknown status on line 1,502 and no order number on line 3,002 (before the 3,000th order). */
function ordersCsv(): { csv: string; badLines: number[] } {
  const lines = [HEADER];
  const badLines: number[] = [];
  for (let n = 1; n <= GOOD_ORDERS; n++) {
    lines.push(row(`E2E${String(n).padStart(5, '0')}`, n % 3 === 0 ? '待付款' : '已付款', '79.00', n));
    const bad =
      n === 10
        ? row('E2EBAD1', '已付款', '七十九', n) // not an amount
        : n === 1500
          ? row('E2EBAD2', '已取消了', '79.00', n) // no such status
          : n === 2999
            ? row('', '已付款', '79.00', n) // no order number
            : null;
    if (bad) {
      lines.push(bad);
      badLines.push(lines.length);
    }
  }
  return { csv: lines.join('\n'), badLines };
}

describe('import page, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'owner'>;
  let owner: Page;
  /** How many E2E… orders the owner finds in the buyers' profiles. */
  const countOrders = async () => {
    const { token } = await loginAgent(server.url, 'owner');
    return (await allOrders(server.url, token)).filter(({ order }) => order.orderNo.startsWith('E2E')).length;
  };

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browsers = await openBrowsers(['owner'], 30_000);
    owner = browsers.pages.owner;
    await signIn(owner, server.url, 'demo', 'owner', DEMO_PASSWORD);
    await owner.getByTestId('nav-imports').click();
    await owner.getByTestId('import-page').waitFor();
  });

  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  const choose = (name: string, mimeType: string, buffer: Buffer) =>
    owner.locator('[data-testid="import-page"] input[type="file"]').setInputFiles({ name, mimeType, buffer });

  it('imports the good rows with a visible progress bar and lists the 3 bad rows by line', async () => {
    const { csv, badLines } = ordersCsv();
    await choose('orders-10003.csv', 'text/csv', Buffer.from(csv, 'utf8'));
    // Record every state the progress element shows, from the first frame on.
    await owner.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="import-progress"]');
        const bar = el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
        const state = el ? `${el.getAttribute('data-status')}:${bar}` : '';
        if (state && seen.at(-1) !== state) seen.push(state);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const started = Date.now();
    await owner.getByTestId('import-start').click();
    const progress = owner.getByTestId('import-progress');
    await progress.waitFor({ state: 'visible' });
    assert.equal(await progress.locator('.ant-progress').count(), 1, 'a progress bar is shown');
    // Liveness only: the import's speed is measured by `npm run bench:import` (docs/benchmarks.md), not here.
    await owner.locator('[data-testid="import-progress"][data-status="done"]').waitFor({ timeout: 120_000 });
    const seconds = (Date.now() - started) / 1000;
    const seen = await owner.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    const partial = seen.filter((state) => /^running:([1-9]|[1-9]\d)%/.test(state));
    console.log(
      `# 10,003 rows imported in ${seconds.toFixed(1)} s; ${partial.length} progress states between 0% and 100% seen, e.g. ${partial[0]}`,
    );
    assert.ok(partial.length >= 1, `the bar moved between 0% and 100% (seen: ${seen.join(' → ')})`);
    assert.ok(seen.length >= 1 && seen.at(-1)!.startsWith('done'), 'the bar ends done');

    const summary = owner.getByTestId('import-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /共 10003 行：成功 10000 行，失败 3 行/);
    const errors = owner.getByTestId('import-errors');
    const lines = await errors
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.querySelector('td')?.textContent)));
    assert.deepEqual(lines, badLines);
    const text = await errors.innerText();
    assert.match(text, /实付金额不是有效的金额/);
    assert.match(text, /订单状态/);
    assert.match(text, /订单号/);
    await owner.waitForTimeout(600); // the bar's fill animation
    await owner.screenshot({ path: path.join(ARTIFACTS, 'import-result.png') });
    assert.equal(await countOrders(), GOOD_ORDERS, 'the good rows are imported, the bad ones are not');
  });

  it('refuses a PNG renamed .csv and a CSV without the required columns, importing nothing', async () => {
    await owner.getByTestId('import-summary').getByRole('button').click();
    const before = await countOrders();
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await choose('orders.csv', 'text/csv', png);
    await owner.getByTestId('import-start').click();
    const error = owner.getByTestId('import-error');
    await error.waitFor();
    const pngMessage = await error.innerText();
    assert.match(pngMessage, /文件无法读取|只能导入 CSV/);

    await choose('orders-missing.csv', 'text/csv', Buffer.from('订单号,买家昵称,商品名称\nE2EX1,某人,T恤\n', 'utf8'));
    await owner.getByTestId('import-start').click();
    await owner.getByTestId('import-error').filter({ hasText: '缺少必需的列' }).waitFor();
    assert.match(await owner.getByTestId('import-error').innerText(), /订单状态/);
    await owner.screenshot({ path: path.join(ARTIFACTS, 'import-refused.png') });
    assert.equal(await countOrders(), before, 'nothing was imported');
    console.log(`# refused: ${pngMessage.trim()}`);
    assert.deepEqual(browsers.pageErrors, []);
  });
});
