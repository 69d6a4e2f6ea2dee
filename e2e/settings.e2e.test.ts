// Browser end-to-end test of 设置 (store integration settings): the owner finds the events URL and the masked secrets,
// reveals the secret and an event signed with it shows up in 最近接收的事件; creates a webhook to a local receiver, a
// buyer's message reaches it signed with the shown secret, and the 投递记录 drawer shows it 已送达; a presale agent
// has no 设置 in the navigation.
// Run: npm run build && node --import tsx --test e2e/settings.e2e.test.ts
import assert from 'node:assert/strict';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Page } from 'playwright-core';
import { ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { buyerSays, startBuyer } from '../apps/server/test/helpers/clients.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const TIMEOUT_MS = 15_000;
const SHOP = 'demo';

/** True when `header` (t=…,v1=…) is HMAC-SHA256(secret, "t.body"), checked the way a shop's receiver would. */
function signedWith(secret: string, body: string, header: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  if (!parts.t || !parts.v1) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return (
    given.length === expected.length && timingSafeEqual(given, expected) && Math.abs(Date.now() / 1000 - Number(parts.t)) < 300
  );
}

describe('设置 in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'owner' | 'presale'>;
  let owner: Page;
  let receiver: Server;
  let hookUrl = '';
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let inboundSecret = '';
  let webhookSecret = '';

  const shot = (name: string) => path.join(ARTIFACTS, name);
  // The page scrolls inside its own pane, so a whole section is shot in a taller window (then the window is restored).
  const tallShot = async (page: Page, file: string) => {
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.getByTestId('page-settings').evaluate((el) => el.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: file });
    await page.setViewportSize({ width: 1440, height: 900 });
  };

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/golddesk-hook`;
    // The local receiver is on loopback, which webhooks may reach only with the self-hoster's switch on.
    server = await startTestServer({ env: { WEBHOOK_ALLOW_PRIVATE_NETWORK: '1' } });
    browsers = await openBrowsers(['owner', 'presale'], TIMEOUT_MS);
    owner = browsers.pages.owner;
  });

  after(async () => {
    await browsers?.close();
    await server?.close();
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  });

  it('the owner opens 设置 → 店铺对接: the absolute events URL, masked secrets, 显示 reveals one that signs events', async () => {
    await signIn(owner, server.url, SHOP, 'owner', DEMO_PASSWORD);
    await owner.getByTestId('nav-settings').click();
    await owner.getByTestId('settings-section-integration').waitFor();
    assert.equal(await owner.getByTestId('integration-events-url').innerText(), `${server.url}/api/v1/integrations/demo/events`);
    assert.equal(await owner.getByTestId('integration-signature-header').innerText(), 'X-GoldDesk-Signature');

    const secret = owner.getByTestId('integration-inbound-secret');
    assert.equal(await secret.getAttribute('data-masked'), 'true');
    assert.match(await secret.innerText(), /^whsec_•+$/);
    assert.match(await owner.getByTestId('integration-identity-secret').innerText(), /^idsec_•+$/);
    await owner.getByTestId('integration-inbound-secret-reveal').click();
    inboundSecret = await secret.innerText();
    assert.match(inboundSecret, /^whsec_[A-Za-z0-9_-]{20,}$/);
    assert.equal(
      await owner.getByTestId('integration-identity-secret').getAttribute('data-masked'),
      'true',
      'the other stays masked',
    );
    assert.equal(await owner.getByTestId('rotate-secrets').isEnabled(), true, 'the owner may rotate');

    // The shop's system signs an event with the revealed secret; it is accepted and listed.
    const body = JSON.stringify({
      id: `evt-${randomUUID()}`,
      type: 'order.paid',
      occurredAt: new Date().toISOString(),
      data: { orderNo: 'E2E-WAIT-1', paidAt: new Date().toISOString() },
    });
    const t = Math.floor(Date.now() / 1000);
    const pushed = await fetch(`${server.url}/api/v1/integrations/demo/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-golddesk-signature': `t=${t},v1=${createHmac('sha256', inboundSecret).update(`${t}.${body}`).digest('hex')}`,
      },
    });
    assert.equal(pushed.status, 200);
    await owner.getByTestId('inbound-events-refresh').click();
    const row = owner.getByTestId('inbound-event-row').filter({ hasText: 'E2E-WAIT-1' });
    await row.waitFor();
    assert.equal(await row.getByTestId('inbound-event-status').innerText(), '等待订单');
    assert.match(await row.innerText(), /订单付款/);
    await owner.mouse.move(0, 0);
    await tallShot(owner, shot('settings-integration.png'));

    // 重置密钥 warns first; after it the page shows the new secret and the old one is refused.
    await owner.getByTestId('rotate-secrets').click();
    await owner.locator('.ant-modal-confirm').filter({ hasText: '立即失效' }).waitFor();
    await owner.getByTestId('rotate-confirm').click();
    await owner.getByTestId('integration-inbound-secret').filter({ hasNotText: inboundSecret }).waitFor();
    const rotated = await owner.getByTestId('integration-inbound-secret').innerText();
    assert.match(rotated, /^whsec_/);
    const stale = await fetch(`${server.url}/api/v1/integrations/demo/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-golddesk-signature': `t=${t},v1=${createHmac('sha256', inboundSecret).update(`${t}.${body}`).digest('hex')}`,
      },
    });
    assert.equal(stale.status, 401, 'the old secret stops working at once');
    inboundSecret = rotated;
  });

  it('creates a webhook (bad URL refused in Chinese); a buyer message reaches it signed with the shown secret; 投递记录 shows 已送达', async () => {
    await owner.getByTestId('settings-menu-webhooks').click();
    await owner.getByTestId('settings-section-webhooks').waitFor();
    await owner.getByTestId('webhook-create').click();
    const url = owner.getByTestId('webhook-form-url');
    await url.fill('ftp://example.com/hook');
    await owner.getByTestId('webhook-form-submit').click();
    await owner
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: '请填写以 http:// 或 https:// 开头的完整网址' })
      .waitFor();
    await url.fill(hookUrl);
    assert.equal(await owner.getByTestId('webhook-event-message.created').isChecked(), true);
    assert.equal(await owner.getByTestId('webhook-event-order.updated').isChecked(), false);
    await owner.getByTestId('webhook-form-submit').click();
    webhookSecret = await owner.getByTestId('webhook-created-secret').innerText();
    assert.match(webhookSecret, /^whsec_/);
    await owner.getByTestId('webhook-created').screenshot({ path: shot('settings-webhook-created.png') });
    await owner.getByTestId('webhook-created-done').click();
    const row = owner.getByTestId('webhook-row').filter({ hasText: hookUrl });
    await row.waitFor();
    assert.match(await row.innerText(), /新消息/);
    assert.doesNotMatch(await row.innerText(), /订单变化/);

    // The secret is there on demand as well.
    await row.getByTestId('webhook-show-secret').click();
    assert.equal(await owner.getByTestId('webhook-secret').innerText(), webhookSecret);
    await owner.locator('.ant-modal-confirm-btns button').click();

    const buyer = await startBuyer(server.url);
    assert.equal((await buyerSays(server.url, buyer.token, '请问今天能发货吗？')).status < 300, true);
    const deadline = Date.now() + TIMEOUT_MS;
    while (!received.some((r) => r.headers['x-golddesk-event'] === 'message.created') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const delivery = received.find((r) => r.headers['x-golddesk-event'] === 'message.created');
    assert.ok(delivery, 'the local receiver got the delivery');
    assert.ok(
      signedWith(webhookSecret, delivery.body, delivery.headers['x-golddesk-signature'] as string),
      'signed with the secret the page showed',
    );
    assert.equal(signedWith(inboundSecret, delivery.body, delivery.headers['x-golddesk-signature'] as string), false);
    const payload = JSON.parse(delivery.body);
    assert.equal(payload.type, 'message.created');
    assert.equal(payload.data.message.body, '请问今天能发货吗？');

    await row.getByTestId('webhook-deliveries').click();
    const drawer = owner.getByTestId('deliveries-drawer');
    const delivered = drawer.locator('[data-testid="delivery-row"][data-status="delivered"]');
    await delivered.first().waitFor();
    assert.equal(await delivered.first().getByTestId('delivery-status').innerText(), '已送达');
    assert.match(await delivered.first().innerText(), /新消息/);
    assert.match(await delivered.first().innerText(), /204/);

    // 发送测试 queues a ping that the receiver gets and the drawer lists (it refreshes by itself).
    await drawer.getByTestId('drawer-webhook-test').click();
    await drawer.locator('[data-testid="delivery-row"][data-status="delivered"]').filter({ hasText: 'ping' }).waitFor();
    assert.ok(received.some((r) => r.headers['x-golddesk-event'] === 'ping'));
    await owner.mouse.move(0, 0);
    await owner.waitForFunction(() => !document.querySelector('.ant-message-notice')); // the toast would hide the drawer's title
    await owner.screenshot({ path: shot('settings-webhooks-deliveries.png') });
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await owner.mouse.move(0, 0);
    await owner.waitForTimeout(400); // the close button sits over the nav: let its hover highlight fade
    await owner.screenshot({ path: shot('settings-webhooks.png') });
  });

  it('a presale agent has no 设置 in the navigation', async () => {
    const presale = browsers.pages.presale;
    await signIn(presale, server.url, SHOP, 'presale1', DEMO_PASSWORD);
    await presale.getByTestId('nav-team').waitFor();
    assert.equal(await presale.getByTestId('nav-settings').count(), 0);
    assert.deepEqual(browsers.pageErrors, []);
  });
});
