// Browser test of widget identity (issue 3, points 2 and 5): on /demo-shop an anonymous visitor has no 我的订单;
// the demo 登录 (the demo shop playing "the shop's backend") makes the widget the verified buyer, who lists their
// orders and sends one as a card; the agent sees the card and that buyer's orders; 退出 is a fresh anonymous visitor.
// Run: npm run build && node --import tsx --test e2e/widget-identity.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { ListMessagesResponse } from '@golddesk/contracts';
import { ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { api, loginAgent } from '../apps/server/test/helpers/clients.js';
import { customerByNick, customerProfile } from '../apps/server/test/helpers/lookups.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const SHOP = 'demo';
const NICK = '小鹿乱撞'; // demo-buyer-001, whom the demo 登录 signs in as
const STATUS_WORDS = ['待付款', '已付款', '已发货', '已签收', '交易成功', '交易关闭'];

describe('widget identity on /demo-shop, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'agent' | 'buyer'>;
  let agent: Page;
  let buyer: Page;

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    requireBuilt('apps/widget/dist/demo-shop.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browsers = await openBrowsers(['agent', 'buyer']);
    ({ agent, buyer } = browsers.pages);
  });
  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  const ordersButton = () => buyer.getByTestId('gd-orders-button');
  const messages = () => buyer.getByTestId('gd-message');

  it("an anonymous visitor has no 我的订单; after 登录 the buyer sends an order card the agent sees with that buyer's orders; 退出 starts afresh", async () => {
    // 小鹿乱撞 as the owner finds her in 客户: her orders and her chat so far.
    const { token } = await loginAgent(server.url, 'owner');
    const demoBuyer = await customerByNick(server.url, token, NICK);
    const orders = (await customerProfile(server.url, token, demoBuyer.id)).orders.map((o) => ({
      id: o.id,
      order_no: o.orderNo,
    }));

    // (a) Anonymous: chat works, but there is no orders entry at all.
    await buyer.goto(`${server.url}/demo-shop`);
    await buyer.getByTestId('product-card').first().waitFor();
    await buyer.getByTestId('gd-launcher').click();
    await buyer.getByTestId('gd-panel').waitFor({ state: 'visible' });
    await buyer.getByTestId('gd-input').fill('你好，在吗？');
    await buyer.getByTestId('gd-input').press('Enter');
    await buyer.locator('[data-testid="gd-message"][data-sender="buyer"][data-status="sent"]').waitFor();
    assert.equal(await ordersButton().isVisible(), false, 'anonymous visitors see no 我的订单');
    const anonymousVisitor = await buyer.evaluate((key) => localStorage.getItem(key), `golddesk:${SHOP}:visitorId`);

    // (b) 登录 in the shop header: the widget becomes 小鹿乱撞 with her own chat history.
    await buyer.getByTestId('demo-login').click();
    await buyer.getByTestId('demo-account-nick').filter({ hasText: NICK }).waitFor();
    await ordersButton().waitFor({ state: 'visible' });
    const seeded = (
      await api<ListMessagesResponse>(
        server.url,
        'GET',
        `/api/v1/conversations/${demoBuyer.conversationId}/messages?afterSeq=0&limit=500`,
        { token },
      )
    ).body.messages;
    await buyer.getByTestId('gd-message').filter({ hasText: seeded[0]!.body }).first().waitFor();
    assert.equal(await messages().filter({ hasText: '你好，在吗？' }).count(), 0, 'the anonymous chat is not hers');
    const kept = await buyer.evaluate(
      (shop) => ({
        tabIdentity: sessionStorage.getItem(`golddesk:${shop}:identity`),
        lastingSession: localStorage.getItem(`golddesk:${shop}:session`),
      }),
      SHOP,
    );
    assert.ok(kept.tabIdentity, 'the identity is kept for this tab only');
    assert.equal(kept.lastingSession, null, 'no session left in localStorage for the next person at this computer');
    await buyer.screenshot({ path: path.join(ARTIFACTS, 'demo-shop-signed-in.png') });

    await ordersButton().click();
    const items = buyer.getByTestId('gd-order-item');
    await items.first().waitFor();
    assert.equal(await items.count(), orders.length, "all her orders, nobody else's");
    const first = items.first();
    const orderId = (await first.getAttribute('data-order-id'))!;
    const orderNo = orders.find((o) => o.id === orderId)!.order_no;
    const text = await first.innerText();
    assert.ok(text.includes(orderNo), 'order number');
    assert.match(text, /¥\d+\.\d{2}/, 'total in yuan');
    assert.ok(
      STATUS_WORDS.some((word) => text.includes(word)),
      `status in Chinese: ${text}`,
    );
    assert.match(text, /下单 /, 'placed time');
    await buyer.getByTestId('gd-panel').screenshot({ path: path.join(ARTIFACTS, 'widget-my-orders.png') });

    await first.getByTestId('gd-order-send').click();
    const sent = buyer.locator('[data-testid="gd-message"][data-kind="order"][data-sender="buyer"][data-status="sent"]');
    await sent
      .getByTestId('gd-order-card')
      .and(buyer.locator(`[data-order-id="${orderId}"]`))
      .waitFor();
    assert.equal(await buyer.getByTestId('gd-orders').isVisible(), false, 'back in the chat after 发送');
    await buyer.getByTestId('gd-panel').screenshot({ path: path.join(ARTIFACTS, 'widget-order-card-sent.png') });
    // A reload of the shop page (which hands the widget the identity again) keeps her signed in.
    await buyer.reload();
    await buyer.getByTestId('gd-launcher').click();
    await ordersButton().waitFor({ state: 'visible' });
    await sent
      .getByTestId('gd-order-card')
      .and(buyer.locator(`[data-order-id="${orderId}"]`))
      .waitFor();

    // The agent opens the conversation: the order card in the chat, and that buyer with her orders on the right.
    await signIn(agent, server.url, SHOP, 'presale1', DEMO_PASSWORD);
    await agent.getByTestId('contact-item').filter({ hasText: NICK }).first().click();
    await agent.getByTestId('customer-nick').filter({ hasText: NICK }).waitFor();
    // The agent can tell a buyer the shop vouched for from an anonymous visitor.
    await agent.getByTestId('customer-nick').getByTestId('customer-member').filter({ hasText: '会员' }).waitFor();
    const chatCard = agent.locator(`[data-testid="chat-order-card"][data-order-id="${orderId}"]`);
    await chatCard.waitFor();
    assert.ok((await chatCard.innerText()).includes(orderNo));
    await agent.getByTestId('customer-pane').locator(`[data-testid="order-card"][data-order-id="${orderId}"]`).waitFor();
    await agent.screenshot({ path: path.join(ARTIFACTS, 'workbench-order-card-from-buyer.png') });

    // (c) 退出: a fresh anonymous visitor with an empty chat and no orders, also after a reload.
    await buyer.getByTestId('demo-logout').click();
    await buyer.getByTestId('demo-login').waitFor();
    await ordersButton().waitFor({ state: 'hidden' });
    await buyer.waitForFunction(() => document.querySelectorAll('[data-testid="gd-message"]').length === 0);
    await buyer.getByText('亲，欢迎光临！有什么可以帮您的吗？').waitFor();
    const freshVisitor = await buyer.evaluate((key) => localStorage.getItem(key), `golddesk:${SHOP}:visitorId`);
    assert.notEqual(freshVisitor, anonymousVisitor, 'not the earlier anonymous visitor either');
    await buyer.reload();
    await buyer.getByTestId('gd-launcher').click();
    await buyer.getByTestId('gd-panel').waitFor({ state: 'visible' });
    await buyer.getByTestId('gd-input').fill('我是新来的');
    await buyer.getByTestId('gd-input').press('Enter');
    await buyer.locator('[data-testid="gd-message"][data-status="sent"]').waitFor();
    assert.equal(await messages().count(), 1, 'only what the new visitor wrote');
    assert.equal(await ordersButton().isVisible(), false);
    assert.deepEqual(browsers.pageErrors, []);
  });

  it('a forged identity is refused: identity_failed fires, the visitor stays anonymous and keeps an unsent message', async () => {
    await buyer.getByTestId('gd-input').fill('刚才的问题还在吗');
    const failed = await buyer.evaluate(async () => {
      type Api = { on(event: string, callback: (payload: { code: string }) => void): void; identify(identity: object): void };
      const gd = (window as unknown as { GoldDesk: Api }).GoldDesk;
      const events: { code: string }[] = [];
      gd.on('identity_failed', (event) => events.push(event));
      (document.querySelector('[data-testid="gd-send"]') as HTMLButtonElement).click(); // queued, then at once:
      gd.identify({ externalId: 'demo-member-001', timestamp: Math.floor(Date.now() / 1000), signature: '0'.repeat(64) });
      for (let i = 0; i < 100 && events.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      return events;
    });
    assert.equal(failed[0]?.code, 'bad_signature');
    await buyer.locator('[data-testid="gd-message"][data-status="sent"]').filter({ hasText: '刚才的问题还在吗' }).waitFor();
    assert.equal(await messages().filter({ hasText: '我是新来的' }).count(), 1, 'still the same anonymous chat');
    assert.equal(await ordersButton().isVisible(), false);
    assert.deepEqual(browsers.pageErrors, []);
  });
});
