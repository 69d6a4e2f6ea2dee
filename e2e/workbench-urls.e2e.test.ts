// Browser test of the workbench's addresses (issue 12): a colleague's link to a conversation, a case, a customer or an
// order opens it (after signing in, when signed out), Back returns to the previous buyer, a reload keeps the page, an
// old #/team link lands on /team, an unknown address shows the 404, and 复制链接 copies the address.
// Run: npm run build && node --import tsx --test e2e/workbench-urls.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { CustomerProfile, ListCasesResponse, ListConversationsResponse } from '@golddesk/contracts';
import { ARTIFACTS, openBrowsers, requireBuilt, type Browsers } from './helpers/browser.js';
import { api, loginAgent } from '../apps/server/test/helpers/clients.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const TIMEOUT_MS = 15_000;
const LAPTOP = { viewport: { width: 1366, height: 768 } };

type Summary = ListConversationsResponse['conversations'][number];

describe('real addresses in the workbench, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'owner'>;
  let owner: Page;
  let waiting: Summary[];
  /** A buyer with a conversation and at least one order. */
  let withOrders: { conversation: Summary; profile: CustomerProfile };
  let someCase: ListCasesResponse['cases'][number];

  const pathname = () => new URL(owner.url()).pathname;
  const chatNick = () => owner.getByTestId('chat-buyer-nick').innerText();
  /** Waits until the address is `expected` (navigation is client-side: no load event to wait for). */
  const atPath = (expected: string) => owner.waitForFunction((want) => location.pathname === want, expected);

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browsers = await openBrowsers(['owner'], TIMEOUT_MS, { owner: LAPTOP });
    owner = browsers.pages.owner;
    const { token } = await loginAgent(server.url, 'owner');
    const list = async (filter: string) =>
      (await api<ListConversationsResponse>(server.url, 'GET', `/api/v1/conversations?filter=${filter}`, { token })).body
        .conversations;
    waiting = await list('waiting');
    assert.ok(waiting.length >= 2, 'the demo shop has buyers waiting');
    for (const conversation of await list('all')) {
      const profile = await api<CustomerProfile>(server.url, 'GET', `/api/v1/customers/${conversation.buyer.id}`, { token });
      if (profile.body.orders.length > 0) {
        withOrders = { conversation, profile: profile.body };
        break;
      }
    }
    assert.ok(withOrders, 'a demo buyer with a chat has orders');
    someCase = (await api<ListCasesResponse>(server.url, 'GET', '/api/v1/cases', { token })).body.cases[0]!;
    assert.ok(someCase, 'the demo shop has after-sales cases');
  });
  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('a link to a conversation, opened signed out, shows that buyer once signed in (and after a reload)', async () => {
    const [first] = waiting;
    await owner.goto(`${server.url}/conversations/${first!.id}`);
    await owner.getByTestId('login-username').waitFor();
    assert.equal(pathname(), `/conversations/${first!.id}`, 'the sign-in form keeps the wanted address');
    await owner.getByTestId('login-shop').fill('demo');
    await owner.getByTestId('login-username').fill('owner');
    await owner.getByTestId('login-password').fill(DEMO_PASSWORD);
    await owner.getByTestId('login-submit').click();
    await owner.getByTestId('chat-buyer-nick').filter({ hasText: first!.buyer.nick }).waitFor();
    assert.equal(pathname(), `/conversations/${first!.id}`);
    assert.equal(await owner.locator('[data-testid="nav-workbench"][aria-current="page"]').count(), 1, '工作台 is marked');
    // At 1366 px the owner's header still shows 设置 itself, not folded into 更多.
    const settingsShown = await owner.locator('.app-nav [data-testid="nav-settings"]').evaluate((el) => {
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return box.width > 0 && !!hit && el.contains(hit);
    });
    assert.ok(settingsShown, '设置 is in the header at 1366 px');
    await owner.screenshot({ path: path.join(ARTIFACTS, 'url-conversation.png') });

    await owner.reload();
    await owner.getByTestId('chat-buyer-nick').filter({ hasText: first!.buyer.nick }).waitFor();
    assert.equal(pathname(), `/conversations/${first!.id}`, 'a reload keeps the conversation');
  });

  it('switching buyers puts each in the address; Back returns to the previous one', async () => {
    const [first, second] = waiting;
    await owner.locator(`[data-testid="contact-item"][data-conversation-id="${second!.id}"]`).click();
    await atPath(`/conversations/${second!.id}`);
    await owner.getByTestId('chat-buyer-nick').filter({ hasText: second!.buyer.nick }).waitFor();
    await owner.goBack();
    await atPath(`/conversations/${first!.id}`);
    await owner.getByTestId('chat-buyer-nick').filter({ hasText: first!.buyer.nick }).waitFor();
    assert.equal(await chatNick(), first!.buyer.nick);
    await owner.goForward();
    await owner.getByTestId('chat-buyer-nick').filter({ hasText: second!.buyer.nick }).waitFor();
  });

  it("复制链接 in the chat header copies the conversation's full address", async () => {
    const [, second] = waiting;
    await owner.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await owner.getByTestId('chat-copy-link').click();
    await owner.locator('.ant-message').filter({ hasText: '链接已复制' }).waitFor();
    const copied = await owner.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, `${server.url}/conversations/${second!.id}`);
  });

  it('/cases/<id> opens the case view on the 售后 page; closing it leaves /cases', async () => {
    await owner.goto(`${server.url}/cases/${someCase.id}`);
    await owner.locator(`[data-testid="case-view"][data-case-id="${someCase.id}"]`).waitFor();
    await owner.getByTestId('page-cases').waitFor();
    assert.equal((await owner.locator('.case-drawer .case-no').innerText()).trim(), someCase.caseNo);
    assert.equal(await owner.locator('[data-testid="nav-cases"][aria-current="page"]').count(), 1, '售后 is marked');
    assert.equal(await owner.getByTestId('case-copy-link').getAttribute('data-link'), `${server.url}/cases/${someCase.id}`);
    await owner.waitForTimeout(400); // the drawer's slide-in
    await owner.screenshot({ path: path.join(ARTIFACTS, 'url-case.png') });
    await owner.locator('.case-drawer .ant-drawer-close').click();
    await atPath('/cases');
    await owner.getByTestId('case-view').waitFor({ state: 'hidden' });
    await owner.goBack();
    await owner.locator(`[data-testid="case-view"][data-case-id="${someCase.id}"]`).waitFor();
  });

  it('/customers/<buyerId> opens that customer, whose 打开会话 goes to their chat', async () => {
    const { conversation, profile } = withOrders;
    await owner.goto(`${server.url}/customers/${profile.buyer.id}`);
    const drawer = owner.getByTestId('customer-drawer');
    await drawer.locator('.customer-nick').filter({ hasText: profile.buyer.nick }).waitFor();
    assert.equal(
      await owner.getByTestId('customer-copy-link').getAttribute('data-link'),
      `${server.url}/customers/${profile.buyer.id}`,
    );
    await owner.waitForTimeout(400); // the drawer's slide-in
    await owner.screenshot({ path: path.join(ARTIFACTS, 'url-customer.png') });
    const openChat = owner.getByTestId('customer-open-chat');
    await owner.waitForFunction(() => !document.querySelector('[data-testid="customer-open-chat"]')?.hasAttribute('disabled'));
    await openChat.click();
    await atPath(`/conversations/${conversation.id}`);
    await owner.getByTestId('chat-buyer-nick').filter({ hasText: conversation.buyer.nick }).waitFor();
  });

  it('/orders/<id> shows the order beside the workbench', async () => {
    const order = withOrders.profile.orders[0]!;
    await owner.goto(`${server.url}/orders/${order.id}`);
    const drawer = owner.getByTestId('order-drawer');
    await drawer.locator(`[data-testid="order-card"][data-order-id="${order.id}"]`).waitFor();
    assert.match(await drawer.locator('.ant-drawer-title').innerText(), new RegExp(order.orderNo));
    assert.equal(await owner.getByTestId('order-drawer-copy-link').getAttribute('data-link'), `${server.url}/orders/${order.id}`);
    assert.equal(await owner.locator('[data-testid="nav-workbench"][aria-current="page"]').count(), 1);
    await owner.waitForTimeout(400); // the drawer's slide-in
    await owner.screenshot({ path: path.join(ARTIFACTS, 'url-order.png') });
    await drawer.locator('.ant-drawer-close').click();
    await owner.getByTestId('order-drawer').waitFor({ state: 'detached' });
    assert.notEqual(pathname(), `/orders/${order.id}`, 'closing the order leaves its address');
  });

  it('a page tab is in the address: /settings/webhooks opens that section, another section changes it', async () => {
    await owner.goto(`${server.url}/settings/webhooks`);
    await owner.getByTestId('settings-section-webhooks').waitFor();
    await owner.getByTestId('settings-menu-businessHours').click();
    await owner.getByTestId('settings-section-businessHours').waitFor();
    await atPath('/settings/business-hours');
    await owner.reload();
    await owner.getByTestId('settings-section-businessHours').waitFor();
  });

  it('an old #/team link lands on /team; an unknown address shows the 404 with the way home', async () => {
    await owner.goto(`${server.url}/#/team`);
    await owner.getByTestId('team-page').waitFor();
    await atPath('/team');
    assert.equal(new URL(owner.url()).hash, '', 'the old hash is gone');
    assert.equal(await owner.locator('[data-testid="nav-team"][aria-current="page"]').count(), 1);

    await owner.goto(`${server.url}/no-such-page`);
    await owner.getByTestId('page-not-found').waitFor();
    assert.match(await owner.getByTestId('page-not-found').innerText(), /没有这个页面/);
    await owner.screenshot({ path: path.join(ARTIFACTS, 'url-not-found.png') });
    assert.equal(await owner.locator('.app-nav [aria-current="page"]').count(), 0, 'no page is marked');
    await owner.getByTestId('not-found-home').click();
    await owner.getByTestId('contact-tab-waiting').waitFor();
    assert.match(pathname(), /^\/(conversations\/.+)?$/, 'home is the workbench');
    assert.deepEqual(browsers.pageErrors, []);
  });

  it('another agent signing in at this desk starts on the workbench, not on the last one’s page', async () => {
    await owner.goto(`${server.url}/team`);
    await owner.getByTestId('team-page').waitFor();
    await owner.getByTestId('logout').click();
    await owner.getByTestId('login-username').waitFor();
    await owner.getByTestId('login-username').fill('presale1');
    await owner.getByTestId('login-password').fill(DEMO_PASSWORD);
    await owner.getByTestId('login-submit').click();
    await owner.getByTestId('contact-tab-waiting').waitFor();
    assert.equal(pathname(), '/');
    assert.equal((await owner.getByTestId('agent-role').innerText()).trim(), '售前');
  });
});
