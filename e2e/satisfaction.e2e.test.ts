// Browser test of 满意度 (issue 13, item 3): an agent answers a buyer of the demo shop and clicks 结束; the buyer's
// widget (a phone, 390×844) shows the rating card, the buyer picks 很满意 with reasons and a comment; the rating appears
// in the agent's chat at once and after a reload. Then an English widget: the agent sends 邀请评价 by hand and the
// buyer's 不满意 arrives in the agent's English screen. Screenshots: test-artifacts/satisfaction-*.png.
// Run: npm run build && node --import tsx --test e2e/satisfaction.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openBrowsers, PHONE, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const STAMP = Date.now().toString(36);
const QUESTION = `亲，这款面膜敏感肌能用吗？#${STAMP}`;
const ANSWER = '亲，可以的哦，这款是无香精配方，敏感肌也能放心用~';
const COMMENT = '客服很耐心，推荐的也合适';
const QUESTION_EN = `Does the serum ship to Hangzhou? #${STAMP}`;

describe('satisfaction ratings: widget card → agent screen, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'agent' | 'buyer' | 'buyerEn'>;
  let agent: Page;
  let buyer: Page;
  let buyerEn: Page;
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, name) });

  /** The buyer opens the widget on /demo-shop and writes `text`. */
  async function buyerWrites(page: Page, text: string) {
    await page.goto(`${server.url}/demo-shop`);
    await page.getByTestId('gd-launcher').tap();
    await page.getByTestId('gd-panel').waitFor({ state: 'visible' });
    await page.getByTestId('gd-input').fill(text);
    await page.getByTestId('gd-send').tap();
    await page.locator('[data-testid="gd-message"][data-sender="buyer"][data-status="sent"]').filter({ hasText: text }).waitFor();
  }

  /** The agent opens the waiting buyer whose message holds `text` and answers. */
  async function agentAnswers(text: string, answer: string) {
    await agent.getByTestId('contact-tab-waiting').click();
    await agent.getByTestId('contact-item').filter({ hasText: text }).click();
    await agent.locator('[data-testid="message-item"][data-sender="buyer"]').filter({ hasText: text }).waitFor();
    await agent.getByTestId('chat-input').fill(answer);
    await agent.getByTestId('chat-input').press('Enter');
    await agent
      .locator('[data-testid="message-item"][data-sender="agent"][data-seq]:not([data-seq=""])')
      .filter({ hasText: answer })
      .waitFor();
  }

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    requireBuilt('apps/widget/dist/demo-shop.html');
    requireBuilt('apps/widget/dist/golddesk-widget.js');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browsers = await openBrowsers(['agent', 'buyer', 'buyerEn'], 15_000, {
      agent: { viewport: { width: 1366, height: 768 } },
      buyer: PHONE,
      buyerEn: PHONE,
    });
    ({ agent, buyer, buyerEn } = browsers.pages);
    // The English buyer's shop embeds the widget with data-lang="en" (set on the script tag as the page parses it; a
    // routed page would be a different origin to Chromium's local-network checks, which then block the stream).
    await buyerEn.addInitScript(() => {
      new MutationObserver((_changes, observer) => {
        const script = document.querySelector('script[src*="golddesk-widget"]');
        if (!script) return;
        script.setAttribute('data-lang', 'en');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await signIn(agent, server.url, 'demo', 'presale1', DEMO_PASSWORD);
  });
  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('结束 invites the buyer: the card offers five levels and the reasons of the chosen one', async () => {
    await buyerWrites(buyer, QUESTION);
    await agentAnswers(QUESTION, ANSWER);
    assert.equal(await buyer.getByTestId('gd-rating-card').count(), 0, 'no card while the chat goes on');

    await agent.getByTestId('chat-close').click();
    await agent.getByTestId('chat-close-confirm').click();
    await agent.getByTestId('satisfaction-invited').filter({ hasText: '结束接待时自动发出' }).waitFor();

    const card = buyer.getByTestId('gd-rating-card');
    await card.waitFor();
    const levels = card.getByTestId('gd-rating-level');
    assert.deepEqual(
      (await levels.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim().split(' ').at(-1)),
      ['很满意', '满意', '一般', '不满意', '很不满意'],
    );
    const box = (await card.boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `the card fits the phone's width (${box.x}+${box.width})`);
    await shot(buyer, 'satisfaction-widget-card-zh.png');

    // 不满意 offers what went wrong; 很满意 what went well (the reasons follow the level).
    await card.locator('[data-testid="gd-rating-level"][data-score="2"]').tap();
    assert.ok((await card.getByTestId('gd-rating-reason').allInnerTexts()).includes('回复慢'));
    await card.locator('[data-testid="gd-rating-level"][data-score="5"]').tap();
    const reasons = await card.getByTestId('gd-rating-reason').allInnerTexts();
    assert.ok(reasons.includes('回复快') && reasons.includes('态度好') && !reasons.includes('回复慢'), reasons.join(','));
    await card.getByTestId('gd-rating-reason').filter({ hasText: '态度好' }).tap();
    await card.getByTestId('gd-rating-reason').filter({ hasText: '推荐合适' }).tap();
    await card.getByTestId('gd-rating-comment').fill(COMMENT);
    await shot(buyer, 'satisfaction-widget-card-chosen-zh.png');
  });

  it('the buyer submits: a thanks line in the widget, the rating on the agent’s screen at once and after reloads', async () => {
    await buyer.getByTestId('gd-rating-submit').tap();
    const thanks = buyer.getByTestId('gd-rating-thanks');
    await thanks.waitFor();
    assert.match(await thanks.innerText(), /感谢您的评价：很满意 · 态度好、推荐合适/);
    assert.equal(await buyer.getByTestId('gd-rating-card').count(), 0);
    await shot(buyer, 'satisfaction-widget-thanks-zh.png');

    const rated = agent.getByTestId('satisfaction-rated');
    await rated.waitFor();
    assert.equal(await rated.getAttribute('data-score'), '5');
    assert.equal((await rated.getByTestId('satisfaction-level').innerText()).trim(), '很满意');
    assert.deepEqual(await rated.getByTestId('satisfaction-reason').allInnerTexts(), ['态度好', '推荐合适']);
    assert.equal((await rated.getByTestId('satisfaction-comment').innerText()).trim(), COMMENT);
    await rated.scrollIntoViewIfNeeded();
    await shot(agent, 'satisfaction-agent-zh.png');

    // Both sides reload: the rating is still there.
    await agent.reload();
    await agent.getByTestId('satisfaction-rated').filter({ hasText: COMMENT }).waitFor();
    await buyer.reload();
    await buyer.getByTestId('gd-launcher').tap();
    await buyer.getByTestId('gd-rating-thanks').waitFor();
    assert.equal(await buyer.getByTestId('gd-rating-card').count(), 0, 'rated once: no card after the reload');
  });

  it('in English: 邀请评价 by hand, the buyer’s 不满意 arrives on the agent’s English screen', async () => {
    await buyerWrites(buyerEn, QUESTION_EN);
    await agentAnswers(QUESTION_EN, '亲，杭州是可以发的哦，一般 2 天左右到~');
    await agent.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    const invite = agent.getByTestId('chat-invite-rating');
    await invite.filter({ hasText: 'Ask for rating' }).click();
    await agent.getByTestId('satisfaction-invited').filter({ hasText: 'asked the buyer to rate' }).waitFor();
    assert.equal(await invite.isDisabled(), true, 'once per session: the button is done');

    const card = buyerEn.getByTestId('gd-rating-card');
    await card.waitFor();
    assert.match(await card.innerText(), /How was our service\?/);
    await card.locator('[data-testid="gd-rating-level"][data-score="2"]').tap();
    await card.getByTestId('gd-rating-reason').filter({ hasText: 'Slow replies' }).tap();
    await shot(buyerEn, 'satisfaction-widget-card-en.png');
    await card.getByTestId('gd-rating-submit').tap();
    await buyerEn.getByTestId('gd-rating-thanks').filter({ hasText: 'Thanks for rating us: Dissatisfied' }).waitFor();

    const rated = agent.getByTestId('satisfaction-rated').filter({ hasText: 'Dissatisfied' });
    await rated.waitFor();
    assert.deepEqual(await rated.getByTestId('satisfaction-reason').allInnerTexts(), ['Slow replies']);
    assert.match(await rated.innerText(), /\(no comment\)/);
    await rated.scrollIntoViewIfNeeded();
    await shot(agent, 'satisfaction-agent-en.png');
    await agent.getByTestId('language-switch').getByText('中文', { exact: true }).click();
  });

  it('the owner sets the idle minutes under 设置 → 满意度评价', async () => {
    await agent.evaluate(() => localStorage.removeItem('golddesk.session'));
    await signIn(agent, server.url, 'demo', 'owner', DEMO_PASSWORD);
    await agent.goto(`${server.url}/settings/satisfaction`);
    const section = agent.getByTestId('satisfaction-settings');
    await section.waitFor();
    const minutes = agent
      .locator('input[data-testid="satisfaction-idle-minutes"], [data-testid="satisfaction-idle-minutes"] input')
      .first();
    await minutes.fill('15');
    await agent.getByTestId('satisfaction-save').click();
    await agent.getByText('满意度评价设置已保存').waitFor();
    await shot(agent, 'satisfaction-settings-zh.png');
    const read = await fetch(`${server.url}/api/v1/settings/satisfaction`, {
      headers: {
        authorization: `Bearer ${await agent.evaluate(() => JSON.parse(localStorage.getItem('golddesk.session')!).token)}`,
      },
    });
    assert.deepEqual(((await read.json()) as { settings: unknown }).settings, { enabled: true, idleMinutes: 15 });
    assert.deepEqual(browsers.pageErrors, []);
  });
});
