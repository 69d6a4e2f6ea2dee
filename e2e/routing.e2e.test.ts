// Browser test of routing (issue 12, starred acceptance): a buyer on /demo-shop is given to the online pre-sales agent;
// 转接 with a note reaches the colleague (note first, above the chat) and the buyer reads one system line; a buyer left
// without a first reply for 100 s (the test's clock) goes to the next agent and both are told; a buyer who finds
// everyone full sees their place in the queue (phone size); the owner's 分流设置.
// Run: npm run build && node --import tsx --test e2e/routing.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { ConversationSummary } from '@golddesk/contracts';
import { ARTIFACTS, openBrowsers, PHONE, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { api, loginAgent, until } from '../apps/server/test/helpers/clients.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const SCREENSHOTS = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'docs', 'screenshots');

async function settled(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

describe('routing in Chromium: assignment, 转接 with a note, 改派 after 100 s, the queue in the widget', () => {
  let server: TestServer;
  let browsers: Browsers<'presale' | 'support' | 'buyer' | 'second' | 'owner'>;
  // Near the real date: the workbench judges its token's expiry by the browser's clock.
  let clock = Date.now();
  let owner: { token: string };
  let presale: { token: string; agent: { id: string; name: string } };
  let support: { token: string; agent: { id: string; name: string } };

  const conversationOf = async (nickPart: string) => {
    const list = await api<{ conversations: ConversationSummary[] }>(server.url, 'GET', '/api/v1/conversations?limit=200', {
      token: owner.token,
    });
    return list.body.conversations.find((c) => c.lastBuyerMessage?.body.includes(nickPart));
  };

  async function buyerWrites(page: Page, text: string) {
    await page.goto(`${server.url}/demo-shop`);
    await page.getByTestId('gd-launcher').click();
    await page.getByTestId('gd-panel').waitFor({ state: 'visible' });
    await page.getByTestId('gd-input').fill(text);
    await page.getByTestId('gd-send').click();
  }

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    requireBuilt('apps/widget/dist/demo-shop.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer({ routing: true, now: () => new Date(clock) });
    browsers = await openBrowsers(['presale', 'support', 'buyer', 'second', 'owner'], 15_000, { second: PHONE });
    owner = await loginAgent(server.url, 'owner');
    presale = await loginAgent(server.url, 'presale1');
    support = await loginAgent(server.url, 'support1');
    // The demo's waiting buyers are closed: this test's buyers are the queue. 辅助-小周 serves 售前 too.
    const waiting = await api<{ conversations: ConversationSummary[] }>(
      server.url,
      'GET',
      '/api/v1/conversations?filter=waiting',
      {
        token: owner.token,
      },
    );
    for (const c of waiting.body.conversations)
      await api(server.url, 'POST', `/api/v1/conversations/${c.id}/close`, { token: owner.token });
    const patched = await api(server.url, 'PATCH', `/api/v1/team/agents/${support.agent.id}`, {
      token: owner.token,
      body: { groups: ['presale', 'support'], capacity: 10 },
    });
    assert.equal(patched.status, 200);
    await api(server.url, 'PATCH', `/api/v1/team/agents/${presale.agent.id}`, { token: owner.token, body: { capacity: 10 } });
    for (const page of [browsers.pages.presale, browsers.pages.support]) await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(browsers.pages.presale, server.url, 'demo', 'presale1', DEMO_PASSWORD);
    await signIn(browsers.pages.support, server.url, 'demo', 'support1', DEMO_PASSWORD);
  });
  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('a buyer is given to an online agent; 转接 with a note: the colleague reads the note first, the buyer one line', async () => {
    const { presale: a, support: b, buyer } = browsers.pages;
    await buyerWrites(buyer, '你好，我想问下这件外套');
    await until(async () => (await conversationOf('这件外套'))?.assigneeId != null);
    const routed = (await conversationOf('这件外套'))!;
    const [from, to, fromPage, toPage] =
      routed.assigneeId === presale.agent.id ? [presale, support, a, b] : [support, presale, b, a];

    await fromPage.getByTestId('contact-tab-mine').click();
    await fromPage.locator(`[data-conversation-id="${routed.id}"]`).click();
    await fromPage.getByTestId('chat-transfer').click();
    await fromPage.getByTestId('transfer-agent').click();
    await fromPage.getByTestId(`transfer-agent-${to.agent.id}`).click();
    await fromPage.getByTestId('transfer-note').fill('买家想要同款的黑色，库存在仓库二');
    await settled(fromPage);
    await fromPage.screenshot({ path: path.join(SCREENSHOTS, 'routing-transfer.png') });
    await fromPage.getByTestId('transfer-ok').click();
    await until(async () => (await conversationOf('这件外套'))?.assigneeId === to.agent.id);

    await toPage.goto(`${server.url}/conversations/${routed.id}`);
    const note = toPage.getByTestId('handoff-note');
    await note.waitFor();
    assert.match(await note.innerText(), new RegExp(from.agent.name));
    assert.match(await note.innerText(), /库存在仓库二/);
    await settled(toPage);
    await toPage.screenshot({ path: path.join(SCREENSHOTS, 'routing-handoff.png') });

    const line = buyer.getByTestId('gd-panel').getByText(`已为您转接至${to.agent.name}`);
    await line.waitFor();
    assert.equal(await buyer.getByTestId('gd-panel').getByText('库存在仓库二').count(), 0, 'the note is not for the buyer');
  });

  it('a buyer unanswered for 100 s goes to the next agent; both agents are told', async () => {
    const { second } = browsers.pages;
    clock += 60_000;
    await buyerWrites(second, '在吗？有优惠吗');
    await until(async () => (await conversationOf('有优惠吗'))?.assigneeId != null);
    const first = (await conversationOf('有优惠吗'))!;
    const [kept, next] =
      first.assigneeId === presale.agent.id
        ? [browsers.pages.presale, browsers.pages.support]
        : [browsers.pages.support, browsers.pages.presale];
    clock += 101_000;
    await server.app.jobs.runDue();
    await until(async () => (await conversationOf('有优惠吗'))?.assigneeId !== first.assigneeId);
    await kept.getByText(/已改派给其他客服/).waitFor();
    await next.getByText(/改派给你/).waitFor();
    await next.goto(`${server.url}/conversations/${first.id}`);
    await next.getByTestId('handoff-note').waitFor();
    assert.match(await next.getByTestId('handoff-note').innerText(), /超时未回复/);
  });

  it('everyone full: the buyer sees their place in the queue on a phone, and is served when a slot frees', async () => {
    for (const agent of [presale, support]) {
      const team = await api<{ agents: { id: string; load: number }[] }>(server.url, 'GET', '/api/v1/team/agents', {
        token: owner.token,
      });
      const load = team.body.agents.find((x) => x.id === agent.agent.id)!.load;
      await api(server.url, 'PATCH', `/api/v1/team/agents/${agent.agent.id}`, {
        token: owner.token,
        body: { capacity: Math.max(1, load) },
      });
    }
    const { second } = browsers.pages;
    await second.evaluate(() => localStorage.clear());
    await second.context().clearCookies();
    clock += 60_000;
    await buyerWrites(second, '排队的买家：请问几点发货');
    const notice = second.getByTestId('gd-queue-notice');
    await notice.waitFor({ state: 'visible' });
    assert.match(await notice.innerText(), /排队中：您是下一位/);
    await settled(second);
    await second.screenshot({ path: path.join(SCREENSHOTS, 'routing-widget-queue.png') });

    await api(server.url, 'PATCH', `/api/v1/team/agents/${presale.agent.id}`, { token: owner.token, body: { capacity: 10 } });
    await notice.waitFor({ state: 'hidden' });
    assert.equal((await conversationOf('排队的买家'))?.assigneeId, presale.agent.id);
  });

  it("the owner's 分流设置: groups, a Double-11 rule, reassignment time — saved and read back", async () => {
    const page = browsers.pages.owner;
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, server.url, 'demo', 'owner', DEMO_PASSWORD);
    await page.goto(`${server.url}/team/routing`);
    await page.getByTestId('routing-settings').waitFor();
    await page.getByTestId('routing-add-rule').click();
    await page.getByTestId('routing-rule-keywords').locator('input').fill('改地址');
    await page.keyboard.press('Enter');
    await page.getByTestId('routing-rule-group').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '辅助' }).click();
    await settled(page);
    await page.getByTestId('routing-settings').screenshot({ path: path.join(SCREENSHOTS, 'routing-settings.png') });
    await page.getByTestId('routing-save').click();
    await page.getByText('分流设置已保存').waitFor();
    const saved = await api<{ routing: { rules: { group: string; keywords?: string[] }[] } }>(
      server.url,
      'GET',
      '/api/v1/settings/routing',
      {
        token: owner.token,
      },
    );
    assert.deepEqual(
      saved.body.routing.rules.map((r) => [r.group, r.keywords]),
      [['support', ['改地址']]],
    );
    assert.deepEqual(browsers.pageErrors, []);
  });
});
