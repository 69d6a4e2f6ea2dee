// Browser end-to-end test: an agent in the workbench and a buyer in the demo shop's widget chat in
// real Chromium against an in-process server (SQLite, demo shop). Run: node --import tsx --test e2e/*.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Locator, type Page } from 'playwright-core';
import { ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const TIMEOUT_MS = 15_000;

const BUYER_FIRST = `你好，请问这条连衣裙有 M 码吗？#${Date.now().toString(36)}`;
const AGENT_REPLY = '亲，M 码有现货哦，今天下单今天发货～';
const XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=1">';
/** The page's window as the XSS payload would leave it: `__xss` set only if the script ran. */
type XssProbe = Window & { __xss?: number };

/** Stored (acknowledged) messages only: pending ones have no seq yet. */
function stored(list: Locator, page: Page, testId: string, sender: string): Locator {
  return list.and(page.locator(`[data-testid="${testId}"][data-sender="${sender}"][data-seq]:not([data-seq=""])`));
}

describe('buyer widget ↔ agent workbench, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'agent' | 'buyer'>;
  let agent: Page;
  let buyer: Page;
  let pageErrors: string[] = [];

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    requireBuilt('apps/widget/dist/demo-shop.html');
    requireBuilt('apps/widget/dist/golddesk-widget.js');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browsers = await openBrowsers(['agent', 'buyer'], TIMEOUT_MS);
    ({ agent, buyer } = browsers.pages);
    pageErrors = browsers.pageErrors;
  });

  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('the agent signs in to the workbench', async () => {
    await signIn(agent, server.url, 'demo', 'presale1', DEMO_PASSWORD);
    // The header names the signed-in agent and their role; the contact list opens on 待接待.
    assert.equal((await agent.getByTestId('agent-name').locator('.agent-name').textContent())?.trim(), '售前-糖糖');
    assert.equal((await agent.getByTestId('agent-role').innerText()).trim(), '售前');
    assert.match(await agent.getByTestId('contact-tab-waiting').innerText(), /待接待/);
  });

  it('the buyer opens the 客服 launcher on the demo shop and writes', async () => {
    await buyer.goto(`${server.url}/demo-shop`);
    const launcher = buyer.getByTestId('gd-launcher');
    await launcher.filter({ hasText: '客服' }).waitFor();
    await launcher.click();
    await buyer.getByTestId('gd-panel').waitFor({ state: 'visible' });
    await buyer.getByTestId('gd-input').fill(BUYER_FIRST);
    await buyer.getByTestId('gd-input').press('Enter');
    // Shown at once, then confirmed by the server (a seq, no longer "sending").
    await stored(buyer.getByTestId('gd-message').filter({ hasText: BUYER_FIRST }), buyer, 'gd-message', 'buyer').waitFor();
    assert.equal(await buyer.getByTestId('gd-input').inputValue(), '', 'the input is cleared after sending');
  });

  it('the conversation appears under 待接待 with a live wait timer', async () => {
    await agent.getByTestId('contact-tab-waiting').click();
    const contact = agent.getByTestId('contact-item').filter({ hasText: BUYER_FIRST });
    await contact.waitFor();
    const timer = contact.getByTestId('wait-timer');
    await timer.waitFor({ state: 'visible' });
    assert.equal(await timer.getAttribute('data-level'), 'normal', 'a buyer who just wrote is not overdue');
    // Time itself is under test: the counter must move on its own within ~1.5 s.
    const first = (await timer.innerText()).trim();
    assert.match(first, /\d{2}:\d{2}/);
    const conversationId = await contact.getAttribute('data-conversation-id');
    assert.ok(conversationId);
    await agent.waitForFunction(
      ([id, text]) => {
        const el = document.querySelector(
          `[data-testid="contact-item"][data-conversation-id="${id}"] [data-testid="wait-timer"]`,
        );
        return el instanceof HTMLElement && el.innerText.trim() !== text;
      },
      [conversationId, first] as const,
      { timeout: 2_500, polling: 100 },
    );
    const later = (await timer.innerText()).trim();
    assert.match(later, /\d{2}:\d{2}/);
    assert.notEqual(later, first, 'the wait timer counts up on its own');
  });

  it('the agent opens it, sees the message and replies with Enter', async () => {
    const contact = agent.getByTestId('contact-item').filter({ hasText: BUYER_FIRST });
    await contact.click();
    await stored(agent.getByTestId('message-item').filter({ hasText: BUYER_FIRST }), agent, 'message-item', 'buyer').waitFor();
    const input = agent.getByTestId('chat-input');
    await input.fill(AGENT_REPLY);
    await input.press('Enter');
    const reply = stored(agent.getByTestId('message-item').filter({ hasText: AGENT_REPLY }), agent, 'message-item', 'agent');
    await reply.waitFor();
    await reply
      .getByTestId('delivery-state')
      .filter({ hasText: /已发送|已读/ })
      .waitFor();
    assert.equal(await input.inputValue(), '', 'the composer is cleared after sending');
    await agent.getByTestId('customer-pane').waitFor({ state: 'visible' });
    await agent.screenshot({ path: path.join(ARTIFACTS, 'workbench.png') });
    // Answered: the buyer is no longer waiting; the conversation is now the agent's own, without a timer.
    await agent.getByTestId('contact-item').filter({ hasText: BUYER_FIRST }).waitFor({ state: 'detached' });
    await agent.getByTestId('contact-tab-mine').click();
    const mine = agent.getByTestId('contact-item').filter({ hasText: AGENT_REPLY });
    await mine.waitFor();
    assert.equal(await mine.getByTestId('wait-timer').count(), 0, 'no wait timer once answered');
  });

  it('the widget shows the reply', async () => {
    const reply = stored(buyer.getByTestId('gd-message').filter({ hasText: AGENT_REPLY }), buyer, 'gd-message', 'agent');
    await reply.waitFor({ state: 'visible' });
    await buyer.screenshot({ path: path.join(ARTIFACTS, 'widget.png') });
    assert.ok((await reply.innerText()).includes(AGENT_REPLY), 'the buyer reads the reply in the widget');
  });

  it('markup in a buyer message shows literally on both sides and never runs', async () => {
    await buyer.getByTestId('gd-input').fill(XSS);
    await buyer.getByTestId('gd-send').click();
    const inWidget = stored(buyer.getByTestId('gd-message').filter({ hasText: XSS }), buyer, 'gd-message', 'buyer');
    await inWidget.waitFor();
    assert.ok((await inWidget.innerText()).includes(XSS), 'the widget shows the markup as typed');

    const inWorkbench = stored(agent.getByTestId('message-item').filter({ hasText: XSS }), agent, 'message-item', 'buyer');
    await inWorkbench.waitFor();
    assert.ok((await inWorkbench.innerText()).includes(XSS), 'the workbench shows the markup as typed');
    await agent.getByTestId('contact-item').filter({ hasText: XSS }).waitFor(); // the list preview too

    for (const [name, page] of [
      ['workbench', agent],
      ['widget', buyer],
    ] as const) {
      assert.equal(await page.locator('img[src="x"]').count(), 0, `${name}: the <img> was not created`);
      assert.equal(await page.evaluate(() => (window as XssProbe).__xss), undefined, `${name}: the script did not run`);
    }
    await agent.screenshot({ path: path.join(ARTIFACTS, 'workbench-markup.png') });
    await buyer.screenshot({ path: path.join(ARTIFACTS, 'widget-markup.png') });
  });

  it('after a reload the buyer sees the same history', async () => {
    const seqsOf = (page: Page) =>
      page.locator('[data-testid="gd-message"][data-seq]:not([data-seq=""])').evaluateAll((rows) =>
        rows.map((row) => ({
          seq: Number(row.getAttribute('data-seq')),
          sender: row.getAttribute('data-sender'),
          // What the row says, without the buyer's 已读/未读 mark (that may change meanwhile).
          text: (row as HTMLElement).innerText
            .split('\n')
            .filter((line) => !/^(已读|未读)$/.test(line.trim()))
            .join('\n'),
        })),
      );
    const beforeReload = await seqsOf(buyer);

    await buyer.reload();
    await buyer.getByTestId('gd-launcher').waitFor();
    if (!(await buyer.getByTestId('gd-panel').isVisible())) await buyer.getByTestId('gd-launcher').click();
    await buyer.getByTestId('gd-panel').waitFor({ state: 'visible' });
    for (const [text, sender] of [
      [BUYER_FIRST, 'buyer'],
      [AGENT_REPLY, 'agent'],
      [XSS, 'buyer'],
    ] as const) {
      await stored(buyer.getByTestId('gd-message').filter({ hasText: text }), buyer, 'gd-message', sender).waitFor({
        state: 'visible',
      });
    }

    const afterReload = await seqsOf(buyer);
    assert.deepEqual(
      afterReload.map((m) => m.seq),
      [...new Set(afterReload.map((m) => m.seq))].sort((a, b) => a - b),
      'each message once, in order',
    );
    for (const message of beforeReload) {
      assert.deepEqual(
        afterReload.find((m) => m.seq === message.seq),
        message,
        `message ${message.seq} is the same after the reload`,
      );
    }
    const order = [BUYER_FIRST, AGENT_REPLY, XSS].map((text) => afterReload.findIndex((m) => m.text.includes(text)));
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      'question, reply, then the markup message',
    );
    assert.equal(
      await buyer.evaluate(() => (window as XssProbe).__xss),
      undefined,
      'the reloaded history does not run the script',
    );
    assert.equal(await buyer.locator('img[src="x"]').count(), 0);
    assert.equal(await agent.evaluate(() => (window as XssProbe).__xss), undefined);
    assert.deepEqual(pageErrors, [], 'no uncaught errors in either page');
  });
});
