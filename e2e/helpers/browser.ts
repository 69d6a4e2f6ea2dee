// Shared by the browser tests: Debian's chromium (never a downloaded browser), a fresh profile each.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The e2e tests serve the built front ends; say how to build them instead of failing obscurely. */
export function requireBuilt(file: string) {
  if (!fs.existsSync(path.join(ROOT, file))) {
    throw new Error(`${file} is missing: run "npm run build" first (the e2e test serves the built front ends)`);
  }
}

/** The screen a browser pretends to be; unset fields keep the laptop defaults. */
export interface DeviceOptions {
  viewport?: { width: number; height: number };
  /** Honour the page's meta viewport and report a phone. */
  isMobile?: boolean;
  /** Touch events and `(pointer: coarse)`. */
  hasTouch?: boolean;
  deviceScaleFactor?: number;
}

/** A 390×844 phone with touch (the size of an iPhone 12–14). */
export const PHONE: DeviceOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

/** Headless chromium with a Chinese locale and a laptop-sized window, or the given device. */
export async function launchBrowser(profileDir: string, device: DeviceOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    ...device,
  });
}

export interface Browsers<Name extends string> {
  pages: Record<Name, Page>;
  /** Uncaught errors from any page, prefixed with its name: a test ends by asserting there are none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** One browser (own profile, so own storage) per name, e.g. an agent and a buyer side by side; `devices` per name. */
export async function openBrowsers<Name extends string>(
  names: readonly Name[],
  timeoutMs = 15_000,
  devices: Partial<Record<Name, DeviceOptions>> = {},
): Promise<Browsers<Name>> {
  const profiles: string[] = [];
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const pages = {} as Record<Name, Page>;
  for (const name of names) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `golddesk-e2e-${name}-`));
    profiles.push(dir);
    const context = await launchBrowser(dir, devices[name]);
    contexts.push(context);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(timeoutMs);
    page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
    pages[name] = page;
  }
  return {
    pages,
    pageErrors,
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      for (const dir of profiles) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form and waits for the workbench. */
export async function signIn(page: Page, baseUrl: string, shop: string, username: string, password: string) {
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('login-shop').fill(shop);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('contact-tab-waiting').waitFor();
}

/**
 * Makes this browser tab a seeded demo buyer on /demo-shop the way a real shop would: the page hands the widget the
 * shop's signed identity (here from the demo shop's POST /api/v1/demo/identity, as its 登录 does). A visitor id alone
 * is no way to become a buyer.
 */
export async function actAsDemoBuyer(page: Page, baseUrl: string, demoVisitorId: string) {
  const response = await fetch(`${baseUrl}/api/v1/demo/identity`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ shop: 'demo', buyer: demoVisitorId }),
  });
  if (!response.ok) throw new Error(`demo identity failed: ${response.status}`);
  const signed = (await response.json()) as { identity: unknown; buyer: { nick: string } };
  await page.addInitScript(
    (account) => {
      if (location.pathname.startsWith('/demo-shop')) window.sessionStorage.setItem('demo-shop:account', account);
    },
    JSON.stringify({ nick: signed.buyer.nick, identity: signed.identity }),
  );
}
