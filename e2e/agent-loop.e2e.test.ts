// Browser test of the agent's daily loop (issue 9, items 1, 8, 9, 10): one conversation's messages in the chat pane
// whatever the switching; the waiting list previews the buyer's question, longest wait first, unread counts and the
// tab title; keyboard shortcuts with a ? overlay; 结束 tells the buyer in the widget.
// Run: npm run build && node --import tsx --test e2e/agent-loop.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type {
  ConversationResponse,
  ConversationSummary,
  ListConversationsResponse,
  ListMessagesResponse,
  UploadResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import {
  api,
  buyerSays,
  loginAgent,
  startBuyer,
  startDemoBuyer,
  until,
  type BuyerSession,
} from '../apps/server/test/helpers/clients.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const FAREWELL = '本次会话已结束，有问题随时再找我们哦～';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000185d3b0b00000000049454e44ae426082',
  'hex',
);
const tag = Date.now().toString(36);

/** Waits until the page's CSS animations (a dialog fading in) are over, so a screenshot shows the finished state. */
async function settled(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

describe('the agent loop in the workbench, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'agent' | 'buyer'>;
  let agent: Page;
  let buyer: Page;
  let token: string;
  let agentName: string;

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    requireBuilt('apps/widget/dist/demo-shop.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    // The welcome auto-reply on, as a fresh demo shop has it: it must not hide what the buyer asked.
    server = await startTestServer({ demoWelcome: true });
    browsers = await openBrowsers(['agent', 'buyer']);
    ({ agent, buyer } = browsers.pages);
    await agent.setViewportSize({ width: 1366, height: 768 });
    const login = await loginAgent(server.url, 'presale1');
    token = login.token;
    agentName = login.agent.name;
    await signIn(agent, server.url, 'demo', 'presale1', DEMO_PASSWORD);
  });

  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  const get = async <T>(pathname: string): Promise<T> => (await api<T>(server.url, 'GET', pathname, { token })).body;
  const history = async (conversationId: string) =>
    (await get<ListMessagesResponse>(`/api/v1/conversations/${conversationId}/messages?afterSeq=0&limit=500`)).messages as {
      id: string;
      body: string;
      seq: number;
    }[];
  const listed = async (query: string) =>
    (await get<ListConversationsResponse>(`/api/v1/conversations?${query}&limit=500`)).conversations as ConversationSummary[];
  const row = (id: string) => agent.locator(`[data-testid="contact-item"][data-conversation-id="${id}"]`);
  const rowIds = (page: Page) =>
    page.getByTestId('contact-item').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.conversationId!));
  const activeId = () => agent.getByTestId('chat-pane').getAttribute('data-conversation-id');

  /** Exactly one message list, showing the conversation's newest message and nothing from any other conversation. */
  async function assertShowsOnly(conversationId: string, label: string) {
    await agent.locator(`[data-testid="chat-pane"][data-conversation-id="${conversationId}"]`).waitFor();
    const messages = await history(conversationId);
    const newest = messages.at(-1)!;
    await agent.locator(`[data-testid="message-list"] [data-message-id="${newest.id}"]`).first().waitFor();
    assert.equal(await agent.getByTestId('message-list').count(), 1, `${label}: one message list on the page`);
    const shown = await agent
      .locator('[data-testid="message-item"][data-message-id]')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.messageId!));
    let own = new Set(messages.map((m) => m.id));
    // An auto-reply may have landed since the history was read: read it again before calling anything foreign.
    if (shown.some((id) => !own.has(id))) own = new Set((await history(conversationId)).map((m) => m.id));
    const foreign = shown.filter((id) => !own.has(id));
    assert.deepEqual(foreign, [], `${label}: every message shown belongs to the open conversation`);
    assert.ok(shown.length > 0);
  }

  it("1. switching among conversations shows one conversation's messages, and only those, with messages arriving and scroll-back", async () => {
    const deer = await startDemoBuyer(server.url, 'demo-buyer-001'); // 小鹿乱撞, with her seeded history
    const [shot, long, plain] = [await startBuyer(server.url), await startBuyer(server.url), await startBuyer(server.url)];
    const buyers = [deer, shot, long, plain];
    await buyerSays(server.url, deer.token, `小鹿：这件有现货吗 #${tag}`);
    await buyerSays(server.url, shot.token, `截图给你看 #${tag}`);
    const upload = await api<UploadResponse>(server.url, 'POST', '/api/v1/widget/uploads', {
      token: shot.token,
      raw: PNG,
      headers: { 'content-type': 'image/png' },
    });
    await api(server.url, 'POST', '/api/v1/widget/messages', {
      token: shot.token,
      body: { kind: 'image', attachmentId: upload.body.attachment.id, clientMsgId: `shot-${tag}` },
    });
    for (let i = 1; i <= 70; i++) await buyerSays(server.url, long.token, `第 ${i} 条 #${tag}`);
    await buyerSays(server.url, plain.token, `在吗 #${tag}`);

    await agent.getByTestId('contact-tab-all').click();
    for (const b of buyers) await row(b.conversation.id).waitFor();

    const order = [0, 1, 2, 3, 1, 0, 3, 2, 0, 2, 1, 3];
    for (const [step, index] of order.entries()) {
      const open = buyers[index]!;
      await row(open.conversation.id).click();
      await assertShowsOnly(open.conversation.id, `switch ${step}`);
      // Someone else writes while this chat is open; sometimes the open buyer too.
      const other = buyers[(index + 1 + (step % 3)) % buyers.length]!;
      await buyerSays(server.url, other.token, `插话 ${step} #${tag}`);
      if (step % 4 === 3) await buyerSays(server.url, open.token, `补充 ${step} #${tag}`);
      if (open === long && step > 2) {
        // Scroll-back: the oldest page arrives above, still only this buyer's.
        await agent.getByTestId('message-list').evaluate((el) => (el.scrollTop = 0));
        await agent.locator('[data-testid="message-list"] [data-seq="1"]').waitFor();
      }
      if (step % 3 === 1) {
        // A reply goes to the buyer whose chat is open, nobody else.
        const reply = `回复 ${step} #${tag}`;
        await agent.getByTestId('chat-input').fill(reply);
        await agent.getByTestId('chat-input').press('Enter');
        await until(async () => (await history(open.conversation.id)).some((m) => m.body === reply));
        for (const b of buyers) {
          const has = (await history(b.conversation.id)).some((m) => m.body === reply);
          assert.equal(has, b === open, `switch ${step}: the reply is in the open buyer's conversation only`);
        }
      }
      await assertShowsOnly(open.conversation.id, `switch ${step}, after the traffic`);
    }
    assert.deepEqual(browsers.pageErrors, []);
  });

  it('8. 待接待 previews what the buyer asked (not the welcome), longest wait first; 我的 counts unread; the tab title counts too', async () => {
    const asks: [BuyerSession, string][] = [];
    for (const question of ['什么时候发货呀', '发什么快递？', '能开发票吗']) {
      const b = await startBuyer(server.url);
      await buyerSays(server.url, b.token, `${question} #${tag}`);
      asks.push([b, `${question} #${tag}`]);
      await new Promise((resolve) => setTimeout(resolve, 20)); // distinct waitingSince
    }
    const [first, second, third] = asks.map(([b]) => b) as [BuyerSession, BuyerSession, BuyerSession];
    // The first buyer writes again: most recent activity, yet still the longest wait.
    await buyerSays(server.url, first.token, `还在吗？#${tag}`);
    asks[0]![1] = `还在吗？#${tag}`;
    // The welcome greets each new buyer after their question.
    await until(async () => {
      const waiting = await listed('filter=waiting');
      return [second, third].every((b) => waiting.find((c) => c.id === b.conversation.id)?.lastMessage?.sender === 'bot');
    });

    await agent.getByTestId('contact-tab-waiting').click();
    for (const [b, question] of asks) {
      await row(b.conversation.id).getByTestId('contact-preview').filter({ hasText: question }).waitFor();
    }
    const ours = new Set(asks.map(([b]) => b.conversation.id));
    const shownOrder = (await rowIds(agent)).filter((id) => ours.has(id));
    assert.deepEqual(
      shownOrder,
      [first, second, third].map((b) => b.conversation.id),
      'longest wait first',
    );
    // The whole tab follows the server's wait order (once the live updates have settled).
    const byWait = async () => (await listed('filter=waiting&sort=waiting')).map((c) => c.id);
    await until(async () => JSON.stringify(await rowIds(agent)) === JSON.stringify(await byWait()));
    assert.deepEqual(await rowIds(agent), await byWait());
    await agent.screenshot({ path: path.join(ARTIFACTS, 'agent-loop-waiting-list.png') });

    // 我的: the second buyer is presale1's; two more messages arrive while another chat is open.
    await api(server.url, 'POST', `/api/v1/conversations/${second.conversation.id}/assign`, { token, body: {} });
    await row(third.conversation.id).click();
    await buyerSays(server.url, second.token, `165/50 穿什么码 #${tag}`);
    await buyerSays(server.url, second.token, `急 #${tag}`);
    await agent.getByTestId('contact-tab-mine').click();
    const mine = await listed('filter=mine');
    const unread = mine.find((c) => c.id === second.conversation.id)!.unreadCount;
    assert.equal(unread, 3);
    await row(second.conversation.id)
      .locator('.ant-badge-count')
      .filter({ hasText: String(unread) })
      .waitFor();
    const total = mine.reduce((sum, c) => sum + c.unreadCount, 0);
    await agent
      .getByTestId('tab-mine-unread')
      .filter({ hasText: new RegExp(`^${total}$`) })
      .waitFor();
    await row(second.conversation.id)
      .getByTestId('contact-preview')
      .filter({ hasText: `急 #${tag}` })
      .waitFor();
    await agent.screenshot({ path: path.join(ARTIFACTS, 'agent-loop-mine-unread.png') });

    // The tab title: buyers waiting plus the agent's own chats with unread messages.
    const attention = async () => {
      const ids = new Set((await listed('filter=waiting')).map((c) => c.id));
      for (const c of await listed('filter=mine')) if (c.unreadCount > 0) ids.add(c.id);
      return ids.size;
    };
    const titleCount = async () => Number(/^\((\d+)\) 金牌客服工作台/.exec(await agent.title())?.[1] ?? 0);
    const expected = await attention();
    await agent.waitForFunction((n) => document.title.startsWith(`(${n}) `), expected);

    // Hidden (the agent switched to another tab): a new buyer still shows in the title.
    // (Headless Chromium keeps every tab visible, so the page is told what the browser tells a hidden tab.)
    await agent.evaluate(`
      Object.defineProperty(document, 'visibilityState', { configurable: true, get() { return 'hidden'; } });
      Object.defineProperty(document, 'hidden', { configurable: true, get() { return true; } });
      document.dispatchEvent(new Event('visibilitychange'));
    `);
    const late = await startBuyer(server.url);
    await buyerSays(server.url, late.token, `有赠品吗 #${tag}`);
    await agent.waitForFunction((n) => document.title.startsWith(`(${n}) `), expected + 1);
    await agent.evaluate(`
      delete document.visibilityState;
      delete document.hidden;
      document.dispatchEvent(new Event('visibilitychange'));
    `);
    assert.equal(await titleCount(), await attention(), 'visible again: the same count');
  });

  it('9. shortcuts move through waiting and unread buyers, take and end; ? opens the overlay, but types a ? in the composer', async () => {
    await agent.getByTestId('contact-tab-waiting').click();
    const waiting = (await listed('filter=waiting&sort=waiting')).map((c) => c.id);
    assert.ok(waiting.length >= 3);
    await agent.locator('body').click({ position: { x: 700, y: 5 } });
    await agent.getByTestId('contact-item').first().waitFor();
    const current = await activeId();
    const start = current && waiting.includes(current) ? waiting.indexOf(current) : -1;
    const at = (i: number) => waiting[(i + waiting.length) % waiting.length]!;

    await agent.keyboard.press('Alt+ArrowDown');
    await agent.locator(`[data-testid="chat-pane"][data-conversation-id="${at(start + 1)}"]`).waitFor();
    await agent.keyboard.press('Alt+ArrowDown');
    await agent.locator(`[data-testid="chat-pane"][data-conversation-id="${at(start + 2)}"]`).waitFor();
    await agent.keyboard.press('Alt+ArrowUp');
    await agent.locator(`[data-testid="chat-pane"][data-conversation-id="${at(start + 1)}"]`).waitFor();
    assert.equal(
      await row(at(start + 1))
        .getAttribute('class')
        .then((c) => c?.includes('active')),
      true,
      'the row is highlighted',
    );

    // Typing is typing: "?" is a question mark in the composer, and Alt+↓ moves on without touching the text.
    const input = agent.getByTestId('chat-input');
    await input.click();
    await agent.keyboard.type('有现货吗?');
    assert.equal(await input.inputValue(), '有现货吗?');
    assert.equal(await agent.getByTestId('shortcut-list').count(), 0, 'no overlay while typing');
    await agent.keyboard.press('Alt+ArrowDown');
    await agent.locator(`[data-testid="chat-pane"][data-conversation-id="${at(start + 2)}"]`).waitFor();
    assert.equal(await agent.getByTestId('chat-input').inputValue(), '', "the next buyer's composer is empty");
    await agent.keyboard.press('Alt+ArrowUp');
    await agent.locator(`[data-testid="chat-pane"][data-conversation-id="${at(start + 1)}"]`).waitFor();
    assert.equal(await agent.getByTestId('chat-input').inputValue(), '有现货吗?', 'the draft stayed with its buyer');
    await agent.getByTestId('chat-input').fill('');

    // ? outside the composer: the overlay lists every shortcut.
    await agent.getByTestId('chat-buyer-nick').click();
    await agent.keyboard.press('?');
    const overlay = agent.getByTestId('shortcut-list');
    await overlay.waitFor({ state: 'visible' });
    const text = await overlay.innerText();
    for (const words of ['下一个待接待', '上一个待接待', '下一个有未读消息', '接待当前会话', '结束当前会话'])
      assert.ok(text.includes(words), words);
    for (const key of ['↓', '↑', 'N', 'A', 'E', '?']) assert.ok(text.includes(key), key);
    await settled(agent);
    await agent.screenshot({ path: path.join(ARTIFACTS, 'agent-loop-shortcuts.png') });
    await agent.keyboard.press('Escape');
    await overlay.waitFor({ state: 'hidden' });

    // The 接待 / 结束 buttons say their keys.
    await agent.getByTestId('chat-take').hover();
    await agent.locator('.ant-tooltip:not(.ant-tooltip-hidden)').filter({ hasText: 'Alt+A' }).waitFor();
    await agent.getByTestId('chat-close').hover();
    await agent.locator('.ant-tooltip:not(.ant-tooltip-hidden)').filter({ hasText: 'Alt+E' }).waitFor();

    // Alt+A takes the open buyer.
    const taken = (await activeId())!;
    await agent.getByTestId('chat-input').click();
    await agent.keyboard.press('Alt+A');
    await agent.getByTestId('chat-assignee').filter({ hasText: agentName }).waitFor();
    assert.equal(
      (await get<z.infer<typeof ConversationResponse>>(`/api/v1/conversations/${taken}`)).conversation.assignee?.name,
      agentName,
    );

    // Alt+N: the next conversation with unread messages.
    const unreadBefore = new Set(
      [...(await listed('filter=mine')), ...(await listed('filter=waiting'))]
        .filter((c) => c.unreadCount > 0 && c.id !== taken)
        .map((c) => c.id),
    );
    assert.ok(unreadBefore.size > 0);
    await agent.keyboard.press('Alt+N');
    await agent.waitForFunction(
      (id) => document.querySelector('[data-testid="chat-pane"]')?.getAttribute('data-conversation-id') !== id,
      taken,
    );
    const jumped = (await activeId())!;
    assert.ok(unreadBefore.has(jumped), 'Alt+N opened a conversation that had unread messages');
    await until(
      async () =>
        (await get<z.infer<typeof ConversationResponse>>(`/api/v1/conversations/${jumped}`)).conversation.unreadCount === 0,
    );

    // Alt+E asks to end; Enter confirms.
    await agent.keyboard.press('Alt+E');
    await agent.getByTestId('chat-close-confirm').waitFor({ state: 'visible' });
    await agent.keyboard.press('Enter');
    await agent.getByTestId('chat-closed').waitFor();
    assert.equal(
      (await get<z.infer<typeof ConversationResponse>>(`/api/v1/conversations/${jumped}`)).conversation.status,
      'closed',
    );
    assert.deepEqual(browsers.pageErrors, []);
  });

  it('10. 结束 tells the buyer in the widget on /demo-shop', async () => {
    const question = `请问怎么退货？#${tag}`;
    await buyer.goto(`${server.url}/demo-shop`);
    await buyer.getByTestId('gd-launcher').click();
    await buyer.getByTestId('gd-panel').waitFor({ state: 'visible' });
    await buyer.getByTestId('gd-input').fill(question);
    await buyer.getByTestId('gd-input').press('Enter');
    await buyer
      .locator('[data-testid="gd-message"][data-sender="buyer"][data-status="sent"]')
      .filter({ hasText: question })
      .waitFor();

    // The widget's own conversation (its session in the shop's storage).
    const conversationId = await buyer.evaluate(
      () => JSON.parse(localStorage.getItem('golddesk:demo:session') ?? '{}').conversationId as string,
    );
    await agent.getByTestId('contact-tab-all').click();
    await row(conversationId).click();
    await agent.getByTestId('chat-input').fill('亲，订单页点「申请售后」即可退货哦～');
    await agent.getByTestId('chat-input').press('Enter');
    await agent.getByTestId('chat-close').click();
    await agent.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await agent.getByTestId('chat-closed').waitFor();
    await agent.getByTestId('system-notice').filter({ hasText: FAREWELL }).waitFor();

    await buyer
      .locator('[data-testid="gd-message"][data-sender="system"]')
      .filter({ hasText: FAREWELL })
      .waitFor({ state: 'visible' });
    await buyer.screenshot({ path: path.join(ARTIFACTS, 'agent-loop-widget-ended.png') });

    // An agent reading in English sees the line (and the overlay) in English; the buyer keeps the Chinese.
    await agent.evaluate(() => localStorage.setItem('golddesk.lang', 'en'));
    await agent.reload();
    await agent.getByTestId('contact-tab-all').click();
    await row(conversationId).click();
    await agent.getByTestId('system-notice').filter({ hasText: 'This chat has ended' }).waitFor();
    await agent.getByTestId('chat-buyer-nick').click();
    await agent.keyboard.press('?');
    await agent.getByTestId('shortcut-list').filter({ hasText: 'Next waiting buyer' }).waitFor();
    await settled(agent);
    await agent.screenshot({ path: path.join(ARTIFACTS, 'agent-loop-shortcuts-en.png') });
    await agent.keyboard.press('Escape');
    await agent.evaluate(() => localStorage.removeItem('golddesk.lang'));
    assert.deepEqual(browsers.pageErrors, []);
  });
});
