// Browser test of the widget on a phone, its service status and 表情 (issue 9, items 4, 5 and 14): at 390×844 with
// touch the open panel fills the screen, 发送 is not under the launcher and stays above the on-screen keyboard, the
// placeholder speaks to a thumb; the header says 休息中 / 暂无客服在线 / 在线 as the hours and the agents are; emoji
// picked on either side arrive on the other and look the same.
// Run: npm run build && node --import tsx --test e2e/widget-mobile.e2e.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SHOP_HOURS, chinaTimeOf } from '@golddesk/contracts';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS, openBrowsers, PHONE, requireBuilt, signIn, type Browsers } from './helpers/browser.js';
import { api, loginAgent } from '../apps/server/test/helpers/clients.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../apps/server/test/helpers/test-server.js';

const MARKER = `在吗？#${Date.now().toString(36)}`;
/** Roughly a phone keyboard's height at 390 px wide. */
const KEYBOARD_PX = 336;

/** Whatever is drawn at the centre of `target` is `target` itself (or inside it): nothing covers it. */
async function isOnTop(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  assert.ok(box, 'the element is laid out');
  return page.evaluate(({ x, y, testId }) => document.elementFromPoint(x, y)?.closest(`[data-testid="${testId}"]`) !== null, {
    x: box.x + box.width / 2,
    y: box.y + box.height / 2,
    testId: (await target.getAttribute('data-testid'))!,
  });
}

describe('the widget on a phone, its service status and emoji, in Chromium', () => {
  let server: TestServer;
  let browsers: Browsers<'agent' | 'buyer'>;
  let agent: Page;
  let buyer: Page;
  let ownerToken: string;
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, name) });
  const setHours = async (hours: typeof DEFAULT_SHOP_HOURS) => {
    const response = await api(server.url, 'PUT', '/api/v1/shop-hours', { token: ownerToken, body: hours });
    assert.equal(response.status, 200, JSON.stringify(response.body));
  };

  before(async () => {
    requireBuilt('apps/workbench/dist/index.html');
    requireBuilt('apps/widget/dist/demo-shop.html');
    requireBuilt('apps/widget/dist/golddesk-widget.js');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    ownerToken = (await loginAgent(server.url, 'owner')).token;
    browsers = await openBrowsers(['agent', 'buyer'], 15_000, { buyer: PHONE });
    ({ agent, buyer } = browsers.pages);
  });
  after(async () => {
    await browsers?.close();
    await server?.close();
  });

  it('at 390×844 the open panel fills the screen, 发送 is not covered and stays above the keyboard; the placeholder has no Enter', async () => {
    await buyer.goto(`${server.url}/demo-shop`);
    await buyer.getByTestId('product-card').first().waitFor();
    await buyer.getByTestId('gd-launcher').waitFor();
    await shot(buyer, 'widget-phone-closed.png');

    await buyer.getByTestId('gd-launcher').tap();
    const panel = buyer.getByTestId('gd-panel');
    await panel.waitFor({ state: 'visible' });
    const send = buyer.getByTestId('gd-send');
    assert.ok(await isOnTop(buyer, send), 'nothing (the 客服 launcher) covers 发送');
    assert.equal(await buyer.getByTestId('gd-launcher').isVisible(), false, 'the launcher hides while the panel is open');
    const box = (await panel.boundingBox())!;
    assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 390, 844], 'the panel is full-screen');
    const placeholder = (await buyer.getByTestId('gd-input').getAttribute('placeholder')) ?? '';
    assert.ok(!/enter/i.test(placeholder) && placeholder.includes('输入消息'), `a touch placeholder: ${placeholder}`);
    assert.equal(await buyer.getByTestId('gd-input').getAttribute('enterkeyhint'), 'send', "the keyboard's key says 发送");

    // The on-screen keyboard: the browser reports a shorter visual viewport (what phones do) and the panel follows it.
    await buyer.getByTestId('gd-input').tap();
    // (A script string: the test runner's compiler would wrap a getter defined in a function in a helper the page lacks.)
    await buyer.evaluate(`(() => {
      const viewport = window.visualViewport;
      const height = window.innerHeight - ${KEYBOARD_PX};
      Object.defineProperty(viewport, 'height', { configurable: true, get() { return height; } });
      viewport.dispatchEvent(new Event('resize'));
      // Drawn for the screenshot only: where the keyboard would be.
      const pad = document.createElement('div');
      pad.id = 'fake-keyboard';
      pad.textContent = '屏幕键盘';
      pad.style.cssText = 'position:fixed;left:0;right:0;bottom:0;height:${KEYBOARD_PX}px;z-index:2147483647;background:#d1d5db;'
        + 'color:#6b7280;font:16px sans-serif;display:flex;align-items:center;justify-content:center;pointer-events:none';
      document.body.append(pad);
    })()`);
    await buyer.waitForFunction((bottom) => {
      const send = document.querySelector('[data-testid="gd-send"]')!.getBoundingClientRect();
      return send.bottom <= bottom;
    }, 844 - KEYBOARD_PX);
    for (const testId of ['gd-input', 'gd-send']) {
      const rect = (await buyer.getByTestId(testId).boundingBox())!;
      assert.ok(rect.y >= 0 && rect.y + rect.height <= 844 - KEYBOARD_PX, `${testId} is above the keyboard`);
    }
    assert.ok((await buyer.getByTestId('gd-status').boundingBox())!.y >= 0, 'the header stays on screen');
    await shot(buyer, 'widget-phone-keyboard.png');
    await buyer.evaluate(() => {
      document.getElementById('fake-keyboard')?.remove();
      delete (window.visualViewport as unknown as { height?: number }).height;
      window.visualViewport!.dispatchEvent(new Event('resize'));
    });
  });

  it('the header follows the hours and the agents: 休息中 with the next opening, 暂无客服在线, then 在线', async () => {
    const status = buyer.getByTestId('gd-status');
    const notice = buyer.getByTestId('gd-service-notice');
    const today = chinaTimeOf(new Date()).date;
    // A holiday today: closed whatever the time, reopening tomorrow at 09:00 (China time).
    await setHours({ ...DEFAULT_SHOP_HOURS, holidays: [{ date: today, label: '店休' }] });
    await status.filter({ hasText: '休息中' }).waitFor();
    assert.equal(await status.getAttribute('data-state'), 'closed');
    assert.match(await status.innerText(), /明天 09:00/);
    assert.match(await notice.innerText(), /客服休息中，留言后上班第一时间回复/);
    assert.ok(!(await status.innerText()).includes('在线'), 'no 在线 while the shop is closed');
    await shot(buyer, 'widget-phone-closed-hours.png');

    // Open all day, nobody at the workbench yet.
    await setHours({
      ...DEFAULT_SHOP_HOURS,
      weekly: DEFAULT_SHOP_HOURS.weekly.map(() => ({ closed: false, open: '00:00', close: '24:00' })),
    });
    await status.filter({ hasText: '暂无客服在线' }).waitFor();
    assert.equal(await status.getAttribute('data-state'), 'away');

    await signIn(agent, server.url, 'demo', 'presale1', DEMO_PASSWORD);
    await buyer.locator('[data-testid="gd-status"][data-state="online"]').waitFor();
    assert.match(await status.innerText(), /在线/);
    assert.equal(await notice.isVisible(), false, 'no notice while someone answers');
  });

  it('the buyer picks 😊 from the grid and sends it; the agent sees it, large like in the widget', async () => {
    await buyer.getByTestId('gd-input').fill(MARKER);
    await buyer.getByTestId('gd-send').tap();
    await buyer
      .locator('[data-testid="gd-message"][data-sender="buyer"][data-status="sent"]')
      .filter({ hasText: MARKER })
      .waitFor();

    await buyer.getByTestId('gd-emoji').tap();
    const grid = buyer.getByTestId('gd-emoji-grid');
    await grid.waitFor({ state: 'visible' });
    assert.ok((await grid.getByTestId('gd-emoji-option').count()) >= 40, 'a curated set of about forty');
    await grid.locator('[data-emoji="😊"]').tap();
    assert.equal(await buyer.getByTestId('gd-input').inputValue(), '😊');
    assert.ok(await isOnTop(buyer, buyer.getByTestId('gd-send')), '发送 stays reachable with the grid open');
    await shot(buyer, 'widget-phone-emoji.png');
    await buyer.getByTestId('gd-send').tap();
    assert.equal(await grid.isVisible(), false, 'sending closes the grid');
    const mine = buyer.locator('[data-testid="gd-message"][data-sender="buyer"][data-status="sent"]').filter({ hasText: '😊' });
    await mine.waitFor();
    const widgetSize = await mine.locator('.gd-bubble').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(widgetSize >= 28, `an emoji-only message is large in the widget (${widgetSize}px)`);

    await agent.getByTestId('contact-tab-waiting').click();
    await agent
      .getByTestId('contact-item')
      .filter({ hasText: MARKER })
      .or(agent.getByTestId('contact-item').filter({ hasText: '😊' }))
      .first()
      .click();
    const received = agent.locator('[data-testid="message-item"][data-sender="buyer"]').filter({ hasText: '😊' });
    await received.waitFor();
    const text = received.locator('.message-text');
    assert.equal((await text.innerText()).trim(), '😊');
    const workbenchSize = await text.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.equal(workbenchSize, widgetSize, 'the same size on both sides');
  });

  it("the agent picks 🙏 at the caret from the composer's popover (Esc closes it) and the buyer's widget shows it", async () => {
    const input = agent.getByTestId('chat-input');
    await input.fill('谢谢亲的支持');
    await input.evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(2, 2)); // after 谢谢
    const button = agent.getByTestId('chat-emoji-button');
    const picker = agent.getByTestId('chat-emoji-picker');

    await button.click();
    await picker.waitFor({ state: 'visible' });
    await agent.keyboard.press('Escape');
    await picker.waitFor({ state: 'hidden' });
    assert.equal(await input.evaluate((area) => area === document.activeElement), true, 'Esc returns to the input');

    await button.click();
    await picker.waitFor({ state: 'visible' });
    assert.ok((await picker.getByTestId('chat-emoji-option').count()) >= 40);
    await agent.screenshot({ path: path.join(ARTIFACTS, 'workbench-emoji.png') });
    await picker.locator('[data-emoji="🙏"]').click();
    await picker.waitFor({ state: 'hidden' });
    assert.equal(await input.inputValue(), '谢谢🙏亲的支持', 'inserted at the caret');
    await input.press('Enter');

    const shown = buyer.locator('[data-testid="gd-message"][data-sender="agent"]').filter({ hasText: '谢谢🙏亲的支持' });
    await shown.waitFor();
    await shot(buyer, 'widget-phone-chat.png');
    assert.deepEqual(browsers.pageErrors, []);
  });
});
