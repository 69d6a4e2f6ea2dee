// Browser end-to-end test of the order actions (issue acceptance): a demo buyer in the widget, a
// pre-sales agent changing the receiver and the price from the right pane, the owner approving the
// discount beyond the agent's limit, and the order's 操作记录. Run: node --import tsx --test e2e/*.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Locator, type Page } from 'playwright-core';
import type { CatalogueProductResponse, OrderView } from '@golddesk/contracts';
import { actAsDemoBuyer, ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const TIMEOUT_MS = 15_000;
const SHOP = 'demo';
const BUYER_ASKS = `亲，我搬家了，能帮我改一下收货地址吗？#${Date.now().toString(36)}`;
const NEW_RECEIVER = { name: '王小丫', phone: '13912345678', province: '浙江省', address: '杭州市西湖区文三路 88 号 3 幢 501' };

interface DemoBuyer {
  visitorId: string;
  nick: string;
  unpaid: { id: string; orderNo: string; totalFen: number };
  shipped: { id: string; orderNo: string };
}

/**
 * A demo buyer with both an unpaid and a shipped order, read from the database: the browser plays that buyer, and a
 * demo buyer's visitor id is in no agent API.
 */
async function pickBuyer(server: TestServer): Promise<DemoBuyer> {
  const db = server.app.context.storage.db;
  const rows = await db
    .selectFrom('orders as o')
    .innerJoin('buyers as b', 'b.id', 'o.buyer_id')
    .innerJoin('shops as s', 's.id', 'o.shop_id')
    .select(['b.visitor_id', 'b.nick', 'o.id', 'o.order_no', 'o.status', 'o.total_fen'])
    .where('s.slug', '=', SHOP)
    .where('o.status', 'in', ['pending_payment', 'shipped'])
    .orderBy('b.visitor_id')
    .execute();
  const byBuyer = new Map<string, typeof rows>();
  for (const row of rows) byBuyer.set(row.visitor_id, [...(byBuyer.get(row.visitor_id) ?? []), row]);
  for (const [visitorId, orders] of byBuyer) {
    const unpaid = orders.find((o) => o.status === 'pending_payment');
    const shipped = orders.find((o) => o.status === 'shipped');
    if (unpaid && shipped && Number(unpaid.total_fen) >= 1000) {
      return {
        visitorId,
        nick: orders[0]!.nick,
        unpaid: { id: unpaid.id, orderNo: unpaid.order_no, totalFen: Number(unpaid.total_fen) },
        shipped: { id: shipped.id, orderNo: shipped.order_no },
      };
    }
  }
  throw new Error('the demo shop has no buyer with both an unpaid and a shipped order');
}

async function apiLogin(server: TestServer, username: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ shop: SHOP, username, password: DEMO_PASSWORD }),
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { token: string }).token;
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

describe('order actions from the right pane, in Chromium', () => {
  let server: TestServer;
  let buyerInfo: DemoBuyer;
  let browsers: Browsers<'agent' | 'buyer' | 'owner'>;
  let agent: Page;
  let buyer: Page;
  let owner: Page;
  let pageErrors: string[] = [];
  let newTotalFen = 0;

  // Picks an item from an order's 更多 menu, once any earlier menu has finished fading out (else two match).
  const chooseFromMenu = async (orderId: string, item: string, page: Page = agent) => {
    await page.waitForFunction(() => !document.querySelector('.ant-dropdown:not(.ant-dropdown-hidden)'));
    await card(page, orderId).getByTestId('order-action-more').click();
    await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').getByTestId(item).click();
  };
  const card = (page: Page, orderId: string): Locator => page.locator(`[data-testid="order-card"][data-order-id="${orderId}"]`);
  const buyerNotice = (text: string | RegExp) =>
    buyer
      .locator('[data-testid="gd-message"][data-sender="system"]')
      .filter({ has: buyer.getByTestId('gd-system').filter({ hasText: text }) });

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    requireBuilt('apps/widget/dist/demo-shop.html');
    requireBuilt('apps/widget/dist/golddesk-widget.js');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    buyerInfo = await pickBuyer(server);
    browsers = await openBrowsers(['agent', 'buyer', 'owner'], TIMEOUT_MS);
    ({ agent, buyer, owner } = browsers.pages);
    pageErrors = browsers.pageErrors;
    // The browser IS the demo buyer, signed in on the shop page (the shop vouches for them).
    await actAsDemoBuyer(buyer, server.url, buyerInfo.visitorId);
  });

  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('the demo buyer opens the chat on the demo shop and writes', async () => {
    await buyer.goto(`${server.url}/demo-shop`);
    await buyer.getByTestId('gd-launcher').click();
    await buyer.getByTestId('gd-panel').waitFor({ state: 'visible' });
    await buyer.getByTestId('gd-input').fill(BUYER_ASKS);
    await buyer.getByTestId('gd-input').press('Enter');
    await buyer
      .locator('[data-testid="gd-message"][data-sender="buyer"][data-seq]:not([data-seq=""])')
      .filter({ hasText: BUYER_ASKS })
      .waitFor();
    await buyer.getByTestId('demo-account-nick').waitFor();
    // The shop page shows who is signed in; the message went out (it has its number) under that name.
    assert.equal((await buyer.getByTestId('demo-account-nick').innerText()).trim(), buyerInfo.nick);
    assert.equal(await buyer.getByTestId('gd-message').filter({ hasText: BUYER_ASKS }).count(), 1);
  });

  it('the pre-sales agent opens the conversation and sees the orders with their actions', async () => {
    await signIn(agent, server.url, SHOP, 'presale1', DEMO_PASSWORD);
    await agent.getByTestId('contact-item').filter({ hasText: BUYER_ASKS }).click();
    await card(agent, buyerInfo.unpaid.id).waitFor();
    assert.equal(await card(agent, buyerInfo.unpaid.id).getAttribute('data-status'), 'pending_payment');
    assert.equal(await card(agent, buyerInfo.shipped.id).getAttribute('data-status'), 'shipped');
  });

  it('each card shows its latest step; hovering lists every step of the trade with its time', async () => {
    const shipped = card(agent, buyerInfo.shipped.id);
    const latest = shipped.getByTestId('order-latest-step');
    assert.equal(await latest.getAttribute('data-step'), 'shipped');
    assert.match(await latest.innerText(), /发货于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await latest.hover();
    const steps = agent.locator('.ant-popover:not(.ant-popover-hidden) [data-testid="order-steps"]');
    await steps.waitFor();
    const text = await steps.innerText();
    for (const step of ['下单', '付款', '发货', '签收', '交易成功']) assert.ok(text.includes(step), `${step} is listed`);
    assert.equal(
      (text.match(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/g) ?? []).length,
      3,
      'placed, paid and shipped have times; the rest not yet',
    );
    await agent.mouse.move(0, 0);
    await steps.waitFor({ state: 'hidden' });
  });

  it('changing the address of the unpaid order tells the buyer in the widget', async () => {
    const unpaid = card(agent, buyerInfo.unpaid.id);
    await unpaid.getByTestId('order-action-change-address').click();
    const name = agent.getByTestId('address-form-name');
    await name.waitFor({ state: 'visible' });
    assert.notEqual(await name.inputValue(), '', 'the form is prefilled with the current receiver');
    await name.fill(NEW_RECEIVER.name);
    await agent.getByTestId('address-form-phone').fill(NEW_RECEIVER.phone);
    await agent.getByTestId('address-form-province').click();
    await agent.keyboard.type('浙江');
    await agent.locator('.ant-select-item-option').filter({ hasText: NEW_RECEIVER.province }).click();
    await agent.getByTestId('address-form-address').fill(NEW_RECEIVER.address);
    await agent.getByTestId('address-form-submit').click();
    await name.waitFor({ state: 'detached' });

    const fullAddress = `${NEW_RECEIVER.province}${NEW_RECEIVER.address}`;
    await unpaid.getByTestId('order-receiver').filter({ hasText: fullAddress }).waitFor();
    // Both sides of the chat get the system notice, with the order card under it.
    await agent.getByTestId('system-notice').filter({ hasText: fullAddress }).waitFor();
    const notice = buyerNotice(fullAddress);
    await notice.waitFor({ state: 'visible' });
    assert.match(await notice.getByTestId('gd-system').innerText(), new RegExp(`${buyerInfo.unpaid.orderNo}.*收货信息已修改`));
    const orderCard = notice.getByTestId('gd-order-card');
    assert.equal(await orderCard.getAttribute('data-order-id'), buyerInfo.unpaid.id);
    assert.match(await orderCard.innerText(), /待付款/);
    await notice.scrollIntoViewIfNeeded();
    await buyer.screenshot({ path: path.join(ARTIFACTS, 'widget-system-message.png') });
  });

  it('the shipped order refuses an address change, in the UI and at the API', async () => {
    const shippedAddress = card(agent, buyerInfo.shipped.id).getByTestId('order-action-change-address');
    assert.equal(await shippedAddress.isDisabled(), true, 'no address change once shipped');
    assert.match((await shippedAddress.getAttribute('data-reason')) ?? '', /已发货.*发货前才能修改收货信息/);
    await shippedAddress.hover();
    await agent.locator('.ant-tooltip').filter({ hasText: '发货前才能修改收货信息' }).waitFor({ state: 'visible' });
    assert.equal(await card(agent, buyerInfo.shipped.id).getByTestId('order-action-change-price').isDisabled(), true);
    await agent.getByTestId('customer-pane').screenshot({ path: path.join(ARTIFACTS, 'right-pane-actions.png') });
    await agent.mouse.move(0, 0);

    const token = await apiLogin(server, 'presale1');
    const response = await fetch(`${server.url}/api/v1/orders/${buyerInfo.shipped.id}/change-receiver`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ requestId: `e2e-${Date.now()}`, ...NEW_RECEIVER }),
    });
    assert.equal(response.status, 409);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'order_state_forbids');
    assert.equal(body.error.message, `订单 ${buyerInfo.shipped.orderNo} 当前状态为「已发货」，不能修改收货信息`);
  });

  it('a discount beyond the pre-sales limit becomes an approval request', async () => {
    const unpaid = card(agent, buyerInfo.unpaid.id);
    await unpaid.getByTestId('order-action-change-price').click();
    const total = agent.getByTestId('price-form-total');
    await total.waitFor({ state: 'visible' });
    newTotalFen = Math.round(buyerInfo.unpaid.totalFen * 0.8); // 20% off; pre-sales may give 10%
    await total.fill((newTotalFen / 100).toFixed(2));
    await agent
      .getByTestId('price-form-discount')
      .filter({ hasText: /优惠 20\.0%/ })
      .waitFor();
    await agent.getByTestId('price-form-submit').click();
    const requested = agent.getByTestId('price-approval-requested');
    await requested.waitFor({ state: 'visible' });
    await agent.getByText('已提交主管审批').waitFor();
    assert.match(
      await requested.innerText(),
      new RegExp(`改价 ${yuan(buyerInfo.unpaid.totalFen).replace('.', '\\.')} → ${yuan(newTotalFen).replace('.', '\\.')}`),
    );
    await agent.screenshot({ path: path.join(ARTIFACTS, 'price-approval-requested.png') });
    await agent.keyboard.press('Escape');
    await requested.waitFor({ state: 'detached' });
    // Nothing changed yet: the order waits for the manager.
    await unpaid.getByTestId('order-awaiting-approval').waitFor();
    assert.equal(await unpaid.getByTestId('order-total').innerText(), yuan(buyerInfo.unpaid.totalFen));
    assert.equal(await unpaid.getByTestId('order-awaiting-approval').count(), 1, 'the card says it awaits approval');
  });

  it('the owner sees the request in 审批 and approves it; the buyer is told the new price', async () => {
    await signIn(owner, server.url, SHOP, 'owner', DEMO_PASSWORD);
    const entry = owner.getByTestId('nav-approvals');
    await owner.waitForFunction(
      () => Number(document.querySelector('[data-testid="nav-approvals"]')?.getAttribute('data-count')) >= 1,
    );
    await entry.click();
    const list = owner.getByTestId('approval-list');
    const item = list.locator(`[data-testid="approval-item"][data-order-id="${buyerInfo.unpaid.id}"]`);
    await item.waitFor({ state: 'visible' });
    assert.match(await item.innerText(), /售前-糖糖/);
    await owner.waitForTimeout(300); // the drawer's slide-in
    await owner.screenshot({ path: path.join(ARTIFACTS, 'approvals.png') });
    await item.getByTestId('approval-note').fill('老客户，同意');
    await item.getByTestId('approval-approve').click();
    await item.waitFor({ state: 'detached' });

    const notice = buyerNotice(/已改价/);
    await notice.waitFor({ state: 'visible' });
    assert.match(await notice.getByTestId('gd-system').innerText(), new RegExp(`${yuan(newTotalFen).replace('.', '\\.')}`));
    // The agent's card follows (order.updated) without a reload.
    await card(agent, buyerInfo.unpaid.id)
      .getByTestId('order-total')
      .filter({ hasText: yuan(newTotalFen) })
      .waitFor();
    await card(agent, buyerInfo.unpaid.id).getByTestId('order-awaiting-approval').waitFor({ state: 'detached' });
    assert.equal(await card(agent, buyerInfo.unpaid.id).getByTestId('order-total').innerText(), yuan(newTotalFen));
  });

  it("the order's 操作记录 is the owner's and managers': pre-sales sees why not", async () => {
    await agent.waitForFunction(() => !document.querySelector('.ant-dropdown:not(.ant-dropdown-hidden)'));
    await card(agent, buyerInfo.unpaid.id).getByTestId('order-action-more').click();
    const item = agent.locator('.ant-dropdown:not(.ant-dropdown-hidden)').getByTestId('order-action-history');
    assert.match((await item.getAttribute('data-reason')) ?? '', /只有店长和主管可以查看操作记录/);
    await agent.keyboard.press('Escape');
  });

  it("the order's 操作记录 lists every action for the owner, the address as written", async () => {
    await owner.keyboard.press('Escape'); // the 审批 drawer
    await owner.getByTestId('approval-list').waitFor({ state: 'hidden' });
    const conversationId = await agent.locator('[data-testid="contact-item"].active').getAttribute('data-conversation-id');
    await owner.locator(`[data-testid="contact-item"][data-conversation-id="${conversationId}"]`).click();
    await card(owner, buyerInfo.unpaid.id).waitFor();
    await chooseFromMenu(buyerInfo.unpaid.id, 'order-action-history', owner);
    const history = owner.getByTestId('order-history');
    await history.getByTestId('order-history-entry').first().waitFor();
    const actions = await history
      .getByTestId('order-history-entry')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
    for (const action of ['order.receiver_changed', 'order.price_change_requested', 'order.price_changed', 'approval.approved']) {
      assert.ok(actions.includes(action), `${action} is listed (got ${actions.join(', ')})`);
    }
    const text = await history.innerText();
    assert.match(text, /修改收货信息/);
    assert.match(text, /审批通过/);
    assert.match(text, /店长小美/);
    assert.match(text, /售前-糖糖/);
    assert.ok(text.includes(NEW_RECEIVER.address), 'the new address is shown as the after-state');
    await owner.waitForTimeout(300);
    await owner.screenshot({ path: path.join(ARTIFACTS, 'order-history.png') });
    await owner.keyboard.press('Escape');
    await history.waitFor({ state: 'detached' });
  });

  it('a memo with a flag shows on the card (any state) and stays inside the shop', async () => {
    const shipped = card(agent, buyerInfo.shipped.id);
    await shipped.getByTestId('order-action-memo').click();
    await agent.getByTestId('memo-form-text').fill('买家说周末不在家，提醒快递工作日送');
    await agent.getByTestId('memo-flag-red').click();
    await agent.getByTestId('memo-form-submit').click();
    const memo = shipped.getByTestId('order-memo');
    await memo.filter({ hasText: '工作日送' }).waitFor();
    assert.equal(await memo.getAttribute('data-flag'), 'red');
    assert.equal(await buyer.getByTestId('gd-system').filter({ hasText: '工作日送' }).count(), 0, 'the buyer is not told');
  });

  it('changing a line to another SKU of the same product tells the buyer', async () => {
    // The order's first line and its product's SKUs, as the agent's API has them.
    const token = await apiLogin(server, 'presale1');
    const get = async <T>(url: string) =>
      (await fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<T>;
    const item = (await get<{ order: OrderView }>(`/api/v1/orders/${buyerInfo.unpaid.id}`)).order.items[0]!;
    const { skus } = (await get<CatalogueProductResponse>(`/api/v1/products/${item.productId}`)).product;
    const current = item.skuProps;
    const other = skus.map((sku) => sku.props).find((props) => JSON.stringify(props) !== JSON.stringify(current));
    if (!other) return; // a single-SKU product: nothing to switch to
    await chooseFromMenu(buyerInfo.unpaid.id, 'order-action-change-sku');
    const line = agent.locator('[data-testid="sku-line"][data-item-index="0"]');
    await line.waitFor();
    for (const [name, value] of Object.entries(other)) {
      if (current[name] === value) continue;
      await line.getByTestId(`sku-select-0-${name}`).click();
      await agent
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: new RegExp(`^${value}$`) })
        .click();
    }
    await agent.getByTestId('sku-form-submit').click();
    await line.waitFor({ state: 'detached' });
    const described = Object.entries(other)
      .map(([k, v]) => `${k}：${v}`)
      .join('，');
    await buyerNotice(described).waitFor({ state: 'visible' });
    assert.ok((await buyerNotice(described).innerText()).includes(described), 'the buyer reads the new SKU');
  });

  it('the order card can be sent into the chat', async () => {
    await chooseFromMenu(buyerInfo.shipped.id, 'order-action-send-card');
    const inWidget = buyer.locator('[data-testid="gd-message"][data-kind="order"]').filter({
      has: buyer.locator(`[data-testid="gd-order-card"][data-order-id="${buyerInfo.shipped.id}"]`),
    });
    await inWidget.waitFor({ state: 'visible' });
    assert.match(await inWidget.innerText(), new RegExp(`${buyerInfo.shipped.orderNo}[\\s\\S]*已发货`));
    const inChat = agent.locator(`[data-testid="chat-order-card"][data-order-id="${buyerInfo.shipped.id}"]`);
    await inChat.waitFor();
    assert.match(await inChat.innerText(), new RegExp(buyerInfo.shipped.orderNo), 'the agent sees the same card in the chat');
  });

  it('closing the unpaid order with a reason', async () => {
    const unpaid = card(agent, buyerInfo.unpaid.id);
    await chooseFromMenu(buyerInfo.unpaid.id, 'order-action-close');
    await agent.getByTestId('close-form-detail').fill('买家重新拍了一单');
    await agent.getByTestId('close-form-submit').click();
    // The dialog closes once the server took it; if it refused, say why instead of timing out below.
    await agent.waitForFunction(
      () =>
        !document.querySelector('[data-testid="close-form-detail"]') ||
        !!document.querySelector('[data-testid="order-action-error"]'),
    );
    assert.equal(
      await agent.getByTestId('order-action-error').count(),
      0,
      await agent
        .getByTestId('order-action-error')
        .allInnerTexts()
        .then((t) => t.join(' ')),
    );
    await unpaid.and(agent.locator('[data-status="closed"]')).waitFor();
    await unpaid.getByTestId('order-close-reason').filter({ hasText: '买家不想要了' }).waitFor();
    assert.equal(await unpaid.getByTestId('order-action-change-address').isDisabled(), true);
    await buyerNotice(/已关闭，原因：买家不想要了/).waitFor({ state: 'visible' });
    await buyer.screenshot({ path: path.join(ARTIFACTS, 'widget-order-messages.png') });
    assert.deepEqual(pageErrors, [], 'no uncaught errors in any page');
  });
});
