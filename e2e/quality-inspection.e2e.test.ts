// Browser test of 质检 sampling and scoring (issue 13, item 5): presale1 serves a buyer badly and closes the chat; the
// owner opens 质检 → 抽检 (lowest score first), finds the session with its hits, reads the transcript with the hits
// marked, scores it on the scorecard with a comment; presale1 reads the score and the comment under 我的质检. The
// scorecard refuses items that do not add up to 100. Screenshots at 1366×768 in Chinese and English:
// test-artifacts/quality-inspection-*.png.
// Run: npm run build && node --import tsx --test e2e/quality-inspection.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { agentSays, api, buyerSays, loginAgent, startBuyer, type BuyerSession } from '../apps/server/test/helpers/clients.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const SCREEN = { width: 1366, height: 768 };
/** A screenshot once drawers, tabs and messages have finished moving. */
async function shot(page: Page, name: string) {
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(ARTIFACTS, `quality-inspection-${name}.png`) });
}

describe('质检: sampling a session, scoring it on the scorecard, the agent reading it, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'owner' | 'agent'>;
  let owner: Page;
  let agent: Page;
  let buyer: BuyerSession;

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browsers = await openBrowsers(['owner', 'agent']);
    owner = browsers.pages.owner;
    agent = browsers.pages.agent;
    await owner.setViewportSize(SCREEN);
    await agent.setViewportSize(SCREEN);

    // A badly served buyer: no greeting, shirking twice, blame, a rude line, and no thanks at 结束.
    buyer = await startBuyer(server.url);
    const presale = await loginAgent(server.url, 'presale1');
    assert.equal((await buyerSays(server.url, buyer.token, '这件外套什么时候能发货？')).status, 201);
    const say = async (text: string) =>
      assert.equal((await agentSays(server.url, presale.token, buyer.conversation.id, text)).status, 201);
    await say('不知道，这个不归我管，是仓库的问题');
    assert.equal((await buyerSays(server.url, buyer.token, '那能便宜点吗')).status, 201);
    await say('爱买不买');
    const closed = await api(server.url, 'POST', `/api/v1/conversations/${buyer.conversation.id}/close`, {
      token: presale.token,
    });
    assert.equal(closed.status, 200);
    await server.app.outbox.drain();
  });
  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  const row = (page: Page) => page.locator(`[data-testid="quality-row"][data-conversation="${buyer.conversation.id}"]`);
  const drawer = (page: Page) => page.getByTestId('quality-session-drawer');

  it('samples the lowest scores first: the session shows its score, its hits and no review yet', async () => {
    await signIn(owner, server.url, 'demo', 'owner', DEMO_PASSWORD);
    await owner.goto(`${server.url}/quality`);
    await owner.getByTestId('quality-sample').waitFor();
    await row(owner).waitFor();
    // 重新质检: the demo shop's seeded week (written before anything listened) is inspected too, the session stays.
    await owner.getByTestId('quality-reinspect').click();
    await owner.locator('.ant-popconfirm .ant-btn-primary').click();
    await owner
      .locator('.ant-message')
      .getByText(/已重新质检 \d+ 个会话/)
      .waitFor();
    await row(owner).waitFor();
    assert.ok(Number(/共 (\d+) 次接待/.exec(await owner.getByTestId('quality-summary').innerText())?.[1]) > 1);
    // 100 − 2 (no greeting) − 3 − 3 (不知道, 不归我管) − 3 (仓库的问题) − 5 (爱买不买) − 1 (no thanks) = 83.
    assert.equal(await row(owner).getByTestId('row-score').innerText(), '83');
    assert.equal(await owner.getByTestId('quality-row').first().getAttribute('data-conversation'), buyer.conversation.id);
    const hits = await row(owner).locator('.quality-hit-tags .ant-tag').allInnerTexts();
    assert.ok(
      hits.some((tag) => tag.startsWith('推诿') && tag.endsWith('×2')),
      hits.join(' | '),
    );
    assert.ok(
      hits.some((tag) => tag.includes('伤害买家自尊')),
      hits.join(' | '),
    );
    assert.match(await row(owner).innerText(), /未评分/);
    await shot(owner, 'sample-zh');
  });

  it('opens the transcript with the hits marked and saves a review on the scorecard', async () => {
    await row(owner).getByTestId('row-open').click();
    await drawer(owner).getByTestId('quality-transcript').waitFor();
    assert.deepEqual(await drawer(owner).getByTestId('transcript-mark').allInnerTexts(), [
      '不知道',
      '不归我管',
      '仓库的问题',
      '爱买不买',
    ]);
    const whole = await drawer(owner).getByTestId('transcript-hit').allInnerTexts();
    assert.ok(
      whole.some((tag) => tag.includes('首次回复无问候')),
      whole.join(' | '),
    );
    assert.ok(
      whole.some((tag) => tag.includes('结束时没有致谢')),
      whole.join(' | '),
    );
    assert.equal(await drawer(owner).getByTestId('session-score').innerText(), '83');

    await drawer(owner).getByTestId('review-full-marks').click();
    const wording = drawer(owner).getByTestId('review-points-wording').locator('input');
    await wording.fill('5');
    await drawer(owner).getByTestId('review-comment').fill('不能说“不归我管”，要主动帮买家问仓库');
    await drawer(owner).getByTestId('review-total').getByText('合计 85 / 100').waitFor();
    await shot(owner, 'score-zh');
    await drawer(owner).getByTestId('review-save').click();
    await drawer(owner).getByTestId('quality-review').waitFor();
    assert.match(await drawer(owner).getByTestId('quality-review').innerText(), /85 分[\s\S]*不能说“不归我管”/);
    await owner.keyboard.press('Escape');
    await row(owner).getByTestId('row-review').getByText('85').waitFor();
  });

  it('reads in English', async () => {
    await owner.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    await owner.getByTestId('tab-sample').getByText('Sampling').waitFor();
    await row(owner).waitFor();
    assert.match(await owner.getByTestId('quality-summary').innerText(), /^Sessions: \d+ · automatic score/);
    await shot(owner, 'sample-en');
    await row(owner).getByTestId('row-open').click();
    await drawer(owner).getByTestId('quality-review').waitFor();
    assert.match(await drawer(owner).getByTestId('quality-hit-list').innerText(), /No greeting in the first reply/);
    await shot(owner, 'score-en');
    await owner.keyboard.press('Escape');
    await owner.getByTestId('language-switch').getByText('中文', { exact: true }).click();
  });

  it('keeps the scorecard adding up to 100: a total of 90 is refused with the reason', async () => {
    await owner.getByTestId('tab-scorecard').click();
    await owner.getByTestId('quality-scorecard').waitFor();
    assert.equal(await owner.getByTestId('scorecard-item').count(), 5);
    assert.equal(await owner.getByTestId('scorecard-total').innerText(), '合计 100 分');
    await shot(owner, 'scorecard-zh');
    const conversion = owner.getByTestId('scorecard-max').nth(4).locator('input');
    await conversion.fill('');
    await conversion.fill('0');
    await owner.getByTestId('scorecard-name-zh').first().click();
    await conversion.fill('1');
    await owner.getByTestId('scorecard-total').getByText('合计 91 分，须为 100 分').waitFor();
    await owner.getByTestId('scorecard-save').click();
    await owner.getByTestId('scorecard-error').getByText('评分表有误：各项满分合计须为 100 分，现为 91 分').waitFor();
    await conversion.fill('10');
    await owner.getByTestId('scorecard-total').getByText('合计 100 分').waitFor();
  });

  it("shows presale1 the score and the manager's comment under 我的质检, and no sampling", async () => {
    await signIn(agent, server.url, 'demo', 'presale1', DEMO_PASSWORD);
    await agent.goto(`${server.url}/quality`);
    await agent.getByTestId('quality-mine').waitFor();
    assert.equal(await agent.getByTestId('tab-sample').count(), 0, 'agents do not sample');
    assert.equal(await agent.getByTestId('tab-scorecard').count(), 0);
    await row(agent).getByTestId('row-review').getByText('85').waitFor();
    await row(agent).getByTestId('row-open').click();
    await drawer(agent).getByTestId('quality-review').getByText('不能说“不归我管”，要主动帮买家问仓库').waitFor();
    assert.equal(await drawer(agent).getByTestId('quality-review-form').count(), 0, 'an agent reads, never scores');
    await shot(agent, 'mine-zh');
    assert.deepEqual(browsers.pageErrors, []);
  });
});
