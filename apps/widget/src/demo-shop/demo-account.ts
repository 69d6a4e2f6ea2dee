import type { DemoIdentityResponse } from '@golddesk/contracts';
import { h } from '../shared/dom.js';
import type { GoldDeskApi } from '../widget/main.js';

/** Which tab is signed in as whom (sessionStorage: like a shop's login cookie for this tab). */
const ACCOUNT_KEY = 'demo-shop:account';

interface DemoAccount {
  nick: string;
  identity: DemoIdentityResponse['identity'];
}

/** Wiring from the page. */
export interface DemoAccountOptions {
  shop: string;
  withGoldDesk: (callback: (api: GoldDeskApi) => void) => void;
  onToast: (text: string) => void;
}

function loadAccount(): DemoAccount | null {
  try {
    return JSON.parse(sessionStorage.getItem(ACCOUNT_KEY) ?? 'null') as DemoAccount | null;
  } catch {
    return null;
  }
}

function saveAccount(account: DemoAccount | null): void {
  try {
    if (account) sessionStorage.setItem(ACCOUNT_KEY, JSON.stringify(account));
    else sessionStorage.removeItem(ACCOUNT_KEY);
  } catch {
    // storage blocked: the sign-in lasts until the page is left
  }
}

/**
 * 登录 / 退出 in the demo shop's header. DEMO ONLY: the signature comes from POST /api/v1/demo/identity, which
 * plays "the shop's backend" for the public demo buyers. A real shop signs its logged-in customer's id on its
 * own server (docs/integration.md) and prints it into the page; the browser never holds the identity secret.
 */
export function demoAccount(options: DemoAccountOptions): HTMLElement {
  const root = h('div', { class: 'shop-account', testid: 'demo-account' });
  let account = loadAccount();

  const render = () => {
    root.replaceChildren(
      ...(account
        ? [
            h('span', {
              class: 'shop-account-nick',
              testid: 'demo-account-nick',
              text: account.nick,
              attrs: { title: '演示买家' },
            }),
            h('button', {
              class: 'shop-account-button',
              text: '退出',
              testid: 'demo-logout',
              attrs: { type: 'button' },
              on: { click: logout },
            }),
          ]
        : [
            h('button', {
              class: 'shop-account-button',
              text: '登录',
              testid: 'demo-login',
              attrs: { type: 'button', title: '演示：以示例买家身份登录，客服挂件即可查看并发送「我的订单」' },
              on: { click: () => void login() },
            }),
          ]),
    );
  };

  const identify = (signedIn: DemoAccount) =>
    options.withGoldDesk((gd) => gd.identify({ ...signedIn.identity, nick: signedIn.nick }));

  async function login(): Promise<void> {
    try {
      const response = await fetch('/api/v1/demo/identity', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ shop: options.shop }),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const signed = (await response.json()) as DemoIdentityResponse;
      account = { nick: signed.buyer.nick, identity: signed.identity };
    } catch {
      options.onToast('演示登录失败，请稍后再试');
      return;
    }
    saveAccount(account);
    render();
    identify(account);
    options.onToast(`已登录为「${account.nick}」（演示买家），在客服窗口点「我的订单」试试`);
  }

  function logout(): void {
    account = null;
    saveAccount(null);
    render();
    options.withGoldDesk((gd) => gd.logout());
    options.onToast('已退出登录');
  }

  options.withGoldDesk((gd) =>
    gd.on('identity_failed', () => {
      if (!account) return;
      account = null;
      saveAccount(null);
      render();
      options.onToast('登录已失效，请重新登录');
    }),
  );
  // Like a shop page rendered for its signed-in customer: every page load hands the widget the identity.
  if (account) identify(account);
  render();
  return root;
}
