// Shared by the browser tests: Debian's chromium (never a downloaded browser), a fresh profile each.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The e2e tests serve the built front ends; say how to build them instead of failing obscurely. */
export function requireBuilt(file: string) {
  if (!fs.existsSync(path.join(ROOT, file))) {
    throw new Error(`${file} is missing: run "npm run build" first (the e2e test serves the built front ends)`);
  }
}

/** Headless chromium with a Chinese locale and a laptop-sized window. */
export async function launchBrowser(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
}
