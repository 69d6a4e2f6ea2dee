/**
 * `npm run bench:first-load [-- --runs 5] [--compare <checkout>]`: what an agent's browser downloads and waits for on
 * a cold start. Starts the real server (demo shop, SQLite, fresh DATA_DIR), opens Debian's chromium at 1366×768 with a
 * new profile per run (cold cache), and measures
 * - bytes on the wire (CDP Network.loadingFinished encodedDataLength: compressed bodies plus headers) and decoded
 *   bytes, for the login page, for what loads while the agent types, and for 登录 → usable contact list;
 * - time from navigation to a usable login form, and from the click on 登录 to the first contact item being visible
 *   and hit-testable (in the page's own clock: a pointerdown listener and a MutationObserver).
 * Two ways of signing in: "typed" waits until the network is quiet (an agent typing for a few seconds), "instant"
 * clicks as soon as the form is usable (a password manager). `--compare <dir>` (repeatable) runs other checkouts
 * (built, with node_modules) the same way, alternating runs so all see the same machine load. Prints markdown tables.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { describeMachine } from './machine.js';
import { startTarget, type Target } from './processes.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'bench-first-load-pw';
const QUIET_MS = 1000;
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(option('--runs') ?? 5);
const checkouts: Record<string, string> = { 'this checkout': ROOT };
args.forEach((arg, index) => {
  if (arg === '--compare' && args[index + 1]) checkouts[args[index + 1]!] = path.resolve(args[index + 1]!);
});

type Mode = 'typed' | 'instant';
interface Traffic {
  requests: number;
  wire: number;
  decoded: number;
}
interface Run {
  mode: Mode;
  login: Traffic;
  typing: Traffic;
  afterClick: Traffic;
  formMs: number;
  listMs: number;
  afterAnswerMs: number;
}

/**
 * Runs in the page before its own scripts (as text: tsx would wrap a function's inner functions in helpers the page
 * does not have): timestamps for "form usable", "clicked 登录" and "contact list usable", in the page's clock.
 */
const PAGE_PROBE = `(() => {
  const marks = {};
  window.__firstLoad = marks;
  const usable = (selector) => {
    const element = document.querySelector(selector);
    const box = element && element.getBoundingClientRect();
    if (!box || !box.width || !box.height) return false;
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return !!hit && element.contains(hit);
  };
  const check = () => {
    if (marks.form === undefined && usable('[data-testid=login-submit]')) marks.form = performance.now();
    if (marks.click !== undefined && marks.list === undefined && usable('[data-testid=contact-item]')) marks.list = performance.now();
  };
  // When the sign-in answer arrives: what follows is the page's own work plus the contact list's request.
  const originalFetch = window.fetch;
  window.fetch = async (...fetchArgs) => {
    const response = await originalFetch(...fetchArgs);
    if (marks.signedIn === undefined && String(fetchArgs[0] && (fetchArgs[0].url || fetchArgs[0])).includes('/api/v1/auth/login')) {
      marks.signedIn = performance.now();
    }
    return response;
  };
  document.addEventListener('pointerdown', (event) => {
    if (marks.click === undefined && event.target.closest && event.target.closest('[data-testid=login-submit]')) marks.click = performance.now();
  }, true);
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  const frame = () => {
    check();
    if (marks.list === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;
type Marks = { form?: number; click?: number; signedIn?: number; list?: number };

/** Counts what the page receives, by CDP request id. */
async function watchNetwork(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const total: Traffic = { requests: 0, wire: 0, decoded: 0 };
  let lastActivity = Date.now();
  let inFlight = 0;
  cdp.on('Network.requestWillBeSent', () => {
    inFlight++;
    lastActivity = Date.now();
  });
  cdp.on('Network.dataReceived', (event) => {
    total.decoded += event.dataLength;
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFinished', (event) => {
    total.requests++;
    total.wire += event.encodedDataLength;
    inFlight--;
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFailed', () => inFlight--);
  return {
    snapshot: (): Traffic => ({ ...total }),
    /** Resolves once no request has been in flight for `ms`. */
    async quiet(ms: number) {
      while (inFlight > 0 || Date.now() - lastActivity < ms) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

const minus = (a: Traffic, b: Traffic): Traffic => ({
  requests: a.requests - b.requests,
  wire: a.wire - b.wire,
  decoded: a.decoded - b.decoded,
});

async function oneRun(target: Target, mode: Mode): Promise<Run> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'golddesk-first-load-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    await context.addInitScript({ content: PAGE_PROBE });
    const network = await watchNetwork(page);
    const marks = () => page.evaluate(() => (window as unknown as { __firstLoad: Marks }).__firstLoad);

    await page.goto(`${target.baseUrl}/`);
    await page.waitForFunction(() => (window as unknown as { __firstLoad: Marks }).__firstLoad.form !== undefined);
    const login = network.snapshot();
    if (mode === 'typed') await network.quiet(QUIET_MS);
    const typed = network.snapshot();

    await page.getByTestId('login-shop').fill('demo');
    await page.getByTestId('login-username').fill('presale1');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click({ noWaitAfter: true });
    await page.waitForFunction(() => (window as unknown as { __firstLoad: Marks }).__firstLoad.list !== undefined);
    const done = network.snapshot();
    const { form, click, signedIn, list } = await marks();
    return {
      mode,
      login,
      typing: minus(typed, login),
      afterClick: minus(done, typed),
      formMs: form!,
      listMs: list! - click!,
      afterAnswerMs: list! - signedIn!,
    };
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function startCheckout(dir: string): Promise<{ target: Target; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'golddesk-first-load-data-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'GOLDDESK_DEMO', 'GOLDDESK_SECRET', 'NODE_OPTIONS']) delete env[name];
  Object.assign(env, { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', GOLDDESK_DEMO_PASSWORD: PASSWORD, DATA_DIR: dataDir });
  if (!fs.existsSync(path.join(dir, 'apps/workbench/dist/index.html'))) throw new Error(`${dir}: not built (npm run build)`);
  const target = await startTarget(dir, ['--import', 'tsx', 'apps/server/src/main.ts'], env, dir);
  return { target, dataDir };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (values: number[]) =>
  `**${Math.round(median(values))} ms** (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;
const traffic = (list: Traffic[]) => {
  const wire = median(list.map((t) => t.wire));
  const decoded = median(list.map((t) => t.decoded));
  return `${median(list.map((t) => t.requests))} | **${kb(wire)}** | ${kb(decoded)}`;
};

function table(runs: Run[]): string {
  const typed = runs.filter((run) => run.mode === 'typed');
  const instant = runs.filter((run) => run.mode === 'instant');
  const rows = [
    '| phase | requests | on the wire | decoded | time (median, min–max) | of which after the sign-in answer |',
    '|---|---|---|---|---|---|',
    `| login page (navigation → form usable) | ${traffic(typed.map((run) => run.login))} | ${ms(runs.map((run) => run.formMs))} | |`,
    `| while the agent types (until the network is quiet) | ${traffic(typed.map((run) => run.typing))} | – | |`,
    `| 登录 → first contact usable, typed | ${traffic(typed.map((run) => run.afterClick))} | ${ms(typed.map((run) => run.listMs))} | ${ms(typed.map((run) => run.afterAnswerMs))} |`,
    `| 登录 → first contact usable, instant | ${traffic(instant.map((run) => run.afterClick))} | ${ms(instant.map((run) => run.listMs))} | ${ms(instant.map((run) => run.afterAnswerMs))} |`,
    `| **total to a usable contact list** (typed) | ${traffic(typed.map((run) => ({ requests: run.login.requests + run.typing.requests + run.afterClick.requests, wire: run.login.wire + run.typing.wire + run.afterClick.wire, decoded: run.login.decoded + run.typing.decoded + run.afterClick.decoded })))} | – | |`,
  ];
  return rows.join('\n');
}

const machine = describeMachine();
console.log(`first-load benchmark, ${new Date().toISOString()}, ${RUNS} runs per mode`);
console.log(
  `machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGb} GB, Node ${machine.node}, ${machine.os}; load average ${machine.loadAverageBefore.join(' / ')}`,
);
const started = await Promise.all(Object.values(checkouts).map(startCheckout));
const results: Run[][] = started.map(() => []);
try {
  for (let i = 0; i < RUNS; i++) {
    for (const mode of ['typed', 'instant'] as const) {
      for (const [index, { target }] of started.entries()) {
        const run = await oneRun(target, mode);
        results[index]!.push(run);
        console.log(
          `  ${Object.keys(checkouts)[index]} ${mode} #${i + 1}: list usable ${Math.round(run.listMs)} ms after 登录 (${Math.round(run.afterAnswerMs)} ms after its answer), ${kb(run.login.wire + run.typing.wire + run.afterClick.wire)} on the wire`,
        );
      }
    }
  }
} finally {
  for (const { target, dataDir } of started) {
    await target.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
for (const [index, name] of Object.keys(checkouts).entries()) console.log(`\n### ${name}\n\n${table(results[index]!)}`);
console.log(
  `\nload average after: ${os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ')}`,
);
