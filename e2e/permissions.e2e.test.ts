// Browser end-to-end test of the permissions matrix (issue 12, item 1): the owner unticks 改价 for 售前 in 团队 →
// 角色与权限, and a pre-sales agent's open workbench loses the 改价 button without reloading.
// Run: npm run build && node --import tsx --test e2e/permissions.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { DemoIdentityResponse, WidgetSessionResponse } from '@golddesk/contracts';
import { ARTIFACTS, openBrowsers, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const TIMEOUT_MS = 15_000;
const BUYER_ASKS = `亲，这件能便宜点吗？#${Date.now().toString(36)}`;

/** A demo buyer with an unpaid order (改价 applies), read from the database: no agent API lists buyers by order state. */
async function pickBuyer(server: TestServer): Promise<{ visitorId: string; unpaidOrderId: string }> {
  const row = await server.app.context.storage.db
    .selectFrom('orders as o')
    .innerJoin('buyers as b', 'b.id', 'o.buyer_id')
    .select(['b.visitor_id', 'o.id'])
    .where('o.status', '=', 'pending_payment')
    .orderBy('o.id')
    .executeTakeFirstOrThrow();
  return { visitorId: row.visitor_id, unpaidOrderId: row.id };
}

/** The buyer writes through the widget API, signed in by the demo shop: their chat is waiting for the agent. */
async function buyerWrites(server: TestServer, visitorId: string) {
  const post = async <T>(route: string, body: unknown, token?: string) => {
    const response = await fetch(`${server.url}${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    assert.ok(response.ok, `${route}: ${response.status}`);
    return (await response.json()) as T;
  };
  const signed = await post<DemoIdentityResponse>('/api/v1/demo/identity', { shop: 'demo', buyer: visitorId });
  const session = await post<WidgetSessionResponse>('/api/v1/widget/sessions', { shop: 'demo', identity: signed.identity });
  await post('/api/v1/widget/messages', { body: BUYER_ASKS, clientMsgId: `e2e-${Date.now()}` }, session.token);
}

describe('the permissions matrix, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'presale' | 'owner'>;
  let presale: Page;
  let owner: Page;
  let unpaidOrderId: string;
  const card = (): Locator => presale.locator(`[data-testid="order-card"][data-order-id="${unpaidOrderId}"]`);

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    const buyer = await pickBuyer(server);
    unpaidOrderId = buyer.unpaidOrderId;
    await buyerWrites(server, buyer.visitorId);
    browsers = await openBrowsers(['presale', 'owner'], TIMEOUT_MS);
    ({ presale, owner } = browsers.pages);
  });

  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('shows 售前 the 改价 button on the buyer’s unpaid order', async () => {
    await signIn(presale, server.url, 'demo', 'presale1', DEMO_PASSWORD);
    await presale.getByTestId('contact-item').filter({ hasText: BUYER_ASKS }).click();
    await card().getByTestId('order-action-change-price').waitFor();
    // Marks this page: a reload would forget it.
    await presale.evaluate(() => ((window as unknown as { keptOpen: boolean }).keptOpen = true));
  });

  it('lets the owner untick 改价 for 售前 in 团队 → 角色与权限 and save', async () => {
    await signIn(owner, server.url, 'demo', 'owner', DEMO_PASSWORD);
    await owner.goto(`${server.url}/team`);
    await owner.getByTestId('team-tab-roles').click();
    const cell = owner.getByTestId('matrix-presale-orders.change_price');
    await cell.waitFor();
    assert.equal(await cell.isChecked(), true);
    // The owner's column is locked: nobody may lock the shop out.
    assert.equal(await owner.getByTestId('matrix-owner-orders.change_price').isDisabled(), true);

    await cell.click();
    assert.equal(await cell.isChecked(), false);
    const dirty = owner.locator('td[data-dirty="true"]');
    assert.equal(await dirty.count(), 1, 'the unsaved cell is highlighted');
    assert.equal(await owner.getByTestId('roles-save').getAttribute('data-changes'), '1');
    await owner.screenshot({ path: path.join(ARTIFACTS, 'permissions-matrix-unsaved.png') });

    await owner.getByTestId('roles-save').click();
    await owner.getByTestId('roles-savebar').waitFor({ state: 'detached' });
    assert.equal(await dirty.count(), 0, 'saved: nothing left highlighted');
    assert.equal(await owner.getByTestId('matrix-presale-orders.change_price').isChecked(), false);
  });

  it('takes the 改价 button away from the open presale workbench without a reload', async () => {
    await card().getByTestId('order-action-change-price').waitFor({ state: 'detached' });
    // The rest of the role is untouched, and the page is the same one (no reload, no sign-out).
    await card().getByTestId('order-action-change-address').waitFor();
    assert.equal(await presale.evaluate(() => (window as unknown as { keptOpen?: boolean }).keptOpen), true);
    assert.deepEqual(browsers.pageErrors, []);
  });
});
