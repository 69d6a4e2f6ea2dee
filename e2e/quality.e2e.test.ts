// Browser test of 质检 (issue 13): an agent types "不知道，这个不归我管" and the chat box underlines both hits with the
// warning and a rewrite in the shop's tone; one click puts the rewrite in the box, and a reply with a hit can still be
// sent. The owner edits the rules on 设置 → 质检规则 (a rule switched off no longer hits in 试一试), then restores them.
// Screenshots at 1366×768 in Chinese and English: test-artifacts/quality-*.png.
// Run: npm run build && node --import tsx --test e2e/quality.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEFAULT_QUALITY_RULES } from '@golddesk/contracts';
import { ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { buyerSays, startBuyer, StreamClient, type BuyerSession } from '../apps/server/test/helpers/clients.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const SCREEN = { width: 1366, height: 768 };
const BUYER_ASKS = '你好，这个能明天送到吗？';
const SHIRKING = DEFAULT_QUALITY_RULES.find((rule) => rule.id === 'shirking')!;

describe('质检 in the chat box and on 设置 → 质检规则, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'agent' | 'owner'>;
  let agent: Page;
  let owner: Page;
  let buyer: BuyerSession;
  let buyerStream: StreamClient;

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browsers = await openBrowsers(['agent', 'owner']);
    agent = browsers.pages.agent;
    owner = browsers.pages.owner;
    await agent.setViewportSize(SCREEN);
    await owner.setViewportSize(SCREEN);
    buyer = await startBuyer(server.url);
    buyerStream = await StreamClient.connect(server.url, buyer.token);
    assert.equal((await buyerSays(server.url, buyer.token, BUYER_ASKS)).status, 201);
  });
  after(async () => {
    buyerStream?.close();
    await browsers?.close();
    await server?.close();
  });

  const input = () => agent.getByTestId('chat-input');
  const hints = () => agent.getByTestId('phrasing-hint');

  it('underlines "不知道" and "不归我管" as the agent types, with the warning and the rewrite', async () => {
    await signIn(agent, server.url, 'demo', 'presale1', DEMO_PASSWORD);
    await agent.getByTestId('contact-tab-waiting').click();
    await agent.getByTestId('contact-item').filter({ hasText: BUYER_ASKS }).click();
    await input().click();
    await input().pressSequentially('不知道，这个不归我管');

    await hints().first().waitFor();
    assert.equal(await hints().count(), 1, 'two hits of one rule in one sentence: one hint, one rewrite');
    assert.equal(await hints().first().getAttribute('data-rule'), 'shirking');
    assert.equal(await agent.getByTestId('phrasing-hint-message').innerText(), SHIRKING.message.zh);
    assert.equal(await agent.getByTestId('phrasing-hint-suggestion').innerText(), SHIRKING.suggestion.zh);
    assert.deepEqual(await agent.getByTestId('phrasing-underline').allInnerTexts(), ['不知道', '不归我管']);

    // The wavy line lies under the typed words: the mark starts where the textarea's text starts.
    // The wavy lines lie under the typed words: in the box's first line, the second six characters after the first.
    const area = await input().boundingBox();
    const [first, second] = await Promise.all(
      [0, 1].map((index) => agent.getByTestId('phrasing-underline').nth(index).boundingBox()),
    );
    assert.ok(area && first && second);
    assert.ok(first.y - area.y >= 0 && first.y - area.y < 12, `first line: mark at y ${first.y}, box at ${area.y}`);
    assert.ok(first.x - area.x > 8 && first.x - area.x < 24, `after the padding: mark at x ${first.x}, box at ${area.x}`);
    const fontSize = await input().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(Math.abs(second.x - first.x - 6 * fontSize) < 4, `「不归我管」 starts six characters on: ${second.x - first.x}px`);
    await agent.screenshot({ path: path.join(ARTIFACTS, 'quality-live-zh.png') });
  });

  it('puts the rewrite in the box with one click, and the hints go', async () => {
    await agent.getByTestId('phrasing-hint-rewrite').click();
    assert.equal(await input().inputValue(), SHIRKING.suggestion.zh);
    await agent.getByTestId('phrasing-hints').waitFor({ state: 'detached' });
    assert.equal(await agent.getByTestId('phrasing-underline').count(), 0);
  });

  it('still sends a reply with a hit when the agent chooses to', async () => {
    await input().fill('');
    await input().pressSequentially('保证明天到');
    await hints().first().waitFor();
    assert.equal(await hints().first().getAttribute('data-rule'), 'courier-promise');
    const delivered = buyerStream.nextOfType('message.created', (f) => f.message.body === '保证明天到', 10_000);
    await input().press('Enter');
    assert.equal((await delivered).message.sender, 'agent');
    await agent.getByTestId('phrasing-hints').waitFor({ state: 'detached' });
  });

  it('explains in English on an English screen, and rewrites a Chinese reply in Chinese', async () => {
    await agent.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    await input().pressSequentially('不知道，这个不归我管');
    await hints().first().waitFor();
    assert.equal(await agent.getByTestId('phrasing-hint-message').innerText(), SHIRKING.message.en);
    assert.equal(await agent.getByTestId('phrasing-hint-suggestion').innerText(), SHIRKING.suggestion.zh);
    await agent.screenshot({ path: path.join(ARTIFACTS, 'quality-live-en.png') });
    await agent.getByTestId('language-switch').getByText('中文', { exact: true }).click();
  });

  it('lets the owner switch a rule off on 设置 → 质检规则, try it, save, and restore the defaults', async () => {
    await signIn(owner, server.url, 'demo', 'owner', DEMO_PASSWORD);
    await owner.goto(`${server.url}/settings/qualityRules`);
    const card = owner.getByTestId('quality-rule-ad-words');
    await card.waitFor();
    assert.equal(await owner.getByTestId('quality-rules-state').innerText(), '使用内置规则');

    const tester = owner.getByTestId('quality-tester-input');
    await tester.fill('亲，这款是全网最低价哦');
    await owner.getByTestId('quality-tester-result').getByText('全网最低价', { exact: true }).first().waitFor();
    await owner.screenshot({ path: path.join(ARTIFACTS, 'quality-rules-zh.png') });

    await owner.getByTestId('quality-rule-ad-words-enabled').click();
    await owner.getByTestId('quality-tester-result').getByText('没有命中，可以发送').waitFor();
    // A phrase of the shop's own for 推卸责任.
    await owner.getByTestId('quality-rule-blame-toggle').click();
    const phrases = owner.getByTestId('quality-rule-blame-phrases').locator('input');
    await phrases.fill('都怪快递');
    await phrases.press('Enter');
    await tester.fill('这次都怪快递');
    await owner.getByTestId('quality-tester-result').getByText('都怪快递', { exact: true }).first().waitFor();
    await owner.getByTestId('quality-rules-save').click();
    await owner.getByTestId('quality-rules-state').getByText('店铺自定义规则').waitFor();

    await owner.reload();
    await owner.getByTestId('quality-rule-ad-words').waitFor();
    assert.equal(await owner.getByTestId('quality-rule-ad-words-enabled').getAttribute('aria-checked'), 'false', 'saved');
    await owner.getByTestId('quality-tester-input').fill('这次都怪快递，全网最低价');
    await owner.getByTestId('quality-tester-result').locator('li').first().waitFor();
    assert.deepEqual(
      await owner.getByTestId('quality-tester-result').locator('mark').allInnerTexts(),
      ['都怪快递'],
      'the saved rules: the new phrase hits, the switched-off rule does not',
    );

    await owner.getByTestId('quality-rules-reset').click();
    await owner.locator('.ant-popconfirm').getByRole('button', { name: '恢复默认' }).click();
    await owner.getByTestId('quality-rules-state').getByText('使用内置规则').waitFor();
    assert.equal(await owner.getByTestId('quality-rule-ad-words-enabled').getAttribute('aria-checked'), 'true');

    await owner.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    await owner.getByTestId('quality-tester-input').fill('不知道，这个不归我管');
    await owner.getByTestId('quality-rules-state').getByText('Built-in rules').waitFor();
    await owner.screenshot({ path: path.join(ARTIFACTS, 'quality-rules-en.png') });
    await owner.getByTestId('language-switch').getByText('中文', { exact: true }).click();
    assert.deepEqual(browsers.pageErrors, []);
  });
});
