// Browser test of 快捷短语: in the chat box an agent types /发货 for a demo buyer whose order has shipped, moves with
// ↓/↑, and Enter inserts the phrase with that buyer's order no. and tracking no.; sending delivers it to the buyer.
// The 自动化 → 快捷短语 section lists the team phrases by group.
// Run: npm run build && node --import tsx --test e2e/quick-replies.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type {
  DemoIdentityResponse,
  ListQuickRepliesResponse,
  OrderView,
  QuickReplyView,
  WidgetSessionResponse,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { api, loginAgent, StreamClient } from '../apps/server/test/helpers/clients.js';
import { customerProfile } from '../apps/server/test/helpers/lookups.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

describe('quick replies in the chat box and the 自动化 page, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'agent'>;
  let agent: Page;

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browsers = await openBrowsers(['agent']);
    agent = browsers.pages.agent;
  });
  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('types /发货, moves with ↓ ↑, inserts it filled for this buyer with Enter, and sends it to the buyer', async () => {
    // A demo chat whose buyer's newest open order (unpaid/paid/shipped) has shipped: carrier and tracking no. are known.
    // why: the test signs in as that buyer, and a demo buyer's visitor id is in no agent API.
    const db = server.app.context.storage.db;
    const chats = await db
      .selectFrom('conversations as c')
      .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
      .select(['b.id', 'b.nick', 'b.visitor_id'])
      .where('b.visitor_id', 'like', 'demo-buyer-%')
      .orderBy('b.visitor_id')
      .execute();
    const owner = await loginAgent(server.url, 'owner');
    let found: { nick: string; visitorId: string; order: OrderView } | undefined;
    for (const chat of chats) {
      // The buyer's newest open order, as the right pane lists them (newest first).
      const newest = (await customerProfile(server.url, owner.token, chat.id)).orders.find((o) =>
        ['pending_payment', 'paid', 'shipped'].includes(o.status),
      );
      if (newest?.status === 'shipped') {
        found = { nick: chat.nick, visitorId: chat.visitor_id, order: newest };
        break;
      }
    }
    assert.ok(found, 'the demo shop has a chat whose order has shipped');
    const { nick: NICK, visitorId: VISITOR, order } = found;
    assert.ok(order.trackingNo && order.carrier);

    const signed = await api<DemoIdentityResponse>(server.url, 'POST', '/api/v1/demo/identity', {
      body: { shop: 'demo', buyer: VISITOR },
    });
    const session = await api<WidgetSessionResponse>(server.url, 'POST', '/api/v1/widget/sessions', {
      body: { shop: 'demo', identity: signed.body.identity },
    });
    const buyerStream = await StreamClient.connect(server.url, session.body.token);

    await signIn(agent, server.url, 'demo', 'presale1', DEMO_PASSWORD);
    await agent.getByTestId('contact-tab-all').click();
    await agent.getByTestId('contact-item').filter({ hasText: NICK }).first().click();
    const input = agent.getByTestId('chat-input');
    await input.click();
    await input.pressSequentially('/发货');

    const picker = agent.getByTestId('quick-reply-picker');
    await picker.waitFor();
    const options = agent.getByTestId('quick-reply-option');
    await options.first().waitFor();
    assert.equal(await options.first().getAttribute('data-code'), '发货', 'the exact code ranks first');
    const codes = await options.evaluateAll((els) => els.map((el) => el.getAttribute('data-code')));
    assert.ok(codes.includes('发货时间'), `a code starting with 发货 is listed too: ${codes.join(',')}`);
    assert.ok(codes.length >= 2);

    const selected = () => agent.locator('[data-testid="quick-reply-option"][aria-selected="true"]').getAttribute('data-code');
    await input.press('ArrowDown');
    assert.equal(await selected(), codes[1]);
    await input.press('ArrowUp');
    assert.equal(await selected(), '发货');

    const expected = `亲，您的订单 ${order.orderNo} 已由 ${order.carrier} 发出，运单号 ${order.trackingNo}，请注意查收哦～`;
    await agent.getByTestId('quick-reply-preview-text').filter({ hasText: order.trackingNo! }).waitFor();
    assert.equal(
      await agent.getByTestId('quick-reply-preview-text').innerText(),
      expected,
      'the preview is filled for this buyer',
    );
    await agent
      .getByTestId('chat-pane')
      .screenshot({ path: path.join(ARTIFACTS, 'quick-reply-picker.png') })
      .catch(() => agent.screenshot({ path: path.join(ARTIFACTS, 'quick-reply-picker.png') }));

    await input.press('Enter');
    await picker.waitFor({ state: 'detached' });
    assert.equal(await input.inputValue(), expected, 'Enter inserts the filled phrase and does not send');
    assert.ok((await input.inputValue()).includes(order.orderNo));

    const delivered = buyerStream.nextOfType(
      'message.created',
      (f) => f.message.sender === 'agent' && f.message.body === expected,
      10_000,
    );
    await input.press('Enter');
    assert.equal((await delivered).message.body, expected, 'the buyer receives the filled text');
    assert.equal(await input.inputValue(), '');
    buyerStream.socket.close();

    // The use was counted for this agent.
    const token = await agent.evaluate(() => JSON.parse(localStorage.getItem('golddesk.session') ?? '{}').token as string);
    const list = await api<z.infer<typeof ListQuickRepliesResponse>>(server.url, 'GET', '/api/v1/quick-replies', { token });
    assert.equal(list.body.quickReplies.find((p: QuickReplyView) => p.code === '发货')?.myUses, 1);

    // Esc closes the popup; Enter without it sends as usual.
    await input.pressSequentially('好的 /尺码');
    await picker.waitFor();
    await input.press('Escape');
    await picker.waitFor({ state: 'detached' });
    assert.equal(await input.inputValue(), '好的 /尺码');
  });

  it('shows the team phrases by group in 自动化 → 快捷短语, read-only for a pre-sales agent', async () => {
    await agent.getByTestId('nav-automation').click();
    await agent.getByTestId('automation-menu-quickReplies').click();
    const section = agent.getByTestId('quick-replies-section');
    await section.waitFor();
    await agent.getByTestId('quick-reply-group-cell').filter({ hasText: '售后·物流' }).waitFor();
    assert.equal(await agent.getByTestId('quick-reply-add').count(), 0, 'pre-sales cannot add team phrases');
    const text = await section.innerText();
    assert.match(text, /\/发货/);
    assert.match(text, /我 1 \/ 团队 1/, 'the use from the chat is counted');
    await agent.screenshot({ path: path.join(ARTIFACTS, 'quick-replies-section.png') });
    await agent.getByTestId('quick-replies-tab-personal').click();
    await agent.getByTestId('quick-reply-add').waitFor();
    assert.deepEqual(browsers.pageErrors, []);
  });
});
