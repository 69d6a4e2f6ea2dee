/**
 * `npm run bench`: starts the real GoldDesk server (and, for comparison, a raw ws relay) as child
 * processes, drives them from a separate load process, samples their CPU and memory, prints a summary
 * and rewrites the figures in docs/benchmarks.md. Everything talks to 127.0.0.1 only.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './machine.js';
import { createScratchDatabase, type ScratchDatabase } from './postgres.js';
import { Sampler, startTarget, type Target } from './processes.js';
import { printProfile, summariseProfile } from './profile-summary.js';
import type { LoadPlan, LoadResult, ToLoadClient, ToOrchestrator } from './protocol.js';
import { figuresMarkdown, summaryTable, writeDocs, type RunReport, type TargetRun } from './report.js';
import { parseOptions, type Options, type Scenario } from './scenarios.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = path.join(ROOT, 'docs/benchmarks.md');
const PASSWORD = 'bench-demo-password-1';
const AGENT_USERS = ['presale1', 'owner', 'aftersale1', 'support1'];

const cleanups: (() => Promise<void> | void)[] = [];
const startedAt = Date.now();
const log = (text: string) => console.log(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${text}`);

async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (error) {
      console.error('cleanup failed:', error instanceof Error ? error.message : error);
    }
  }
}

function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'GOLDDESK_DEMO', 'GOLDDESK_SECRET', 'NODE_OPTIONS']) delete env[name];
  return {
    ...env,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    GOLDDESK_DEMO_PASSWORD: PASSWORD,
    WIDGET_SESSIONS_PER_MINUTE: '100000',
    // Every load buyer comes from 127.0.0.1 at far more than a person types: the buyer limits would measure themselves.
    BUYER_MESSAGES_PER_MINUTE: '1000000',
    ADDRESS_MESSAGES_PER_MINUTE: '1000000',
    BUYER_STREAM_FRAMES_PER_10S: '1000000',
    ...extra,
  };
}

async function startGoldDesk(options: Options, profileDir?: string): Promise<{ target: Target; name: string }> {
  let scratch: ScratchDatabase | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'golddesk-bench-'));
  const extra: Record<string, string> = { DATA_DIR: dataDir };
  if (options.postgres) {
    scratch = await createScratchDatabase();
    extra.DATABASE_URL = scratch.url;
    log(`created PostgreSQL database ${new URL(scratch.url).pathname.slice(1)}`);
  }
  // For experiments: BENCH_SERVER_NODE_ARGS adds node flags (e.g. a preload that times SQL), and
  // BENCH_SERVER_ENTRY runs a patched copy of the server instead of apps/server/src/main.ts.
  const extraArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const entry = process.env.BENCH_SERVER_ENTRY ?? 'apps/server/src/main.ts';
  const args = ['--import', 'tsx', ...extraArgs, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), entry];
  try {
    const target = await startTarget('GoldDesk', args, serverEnv(extra), ROOT);
    const stop = target.stop;
    target.stop = async () => {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (scratch) {
        await scratch.drop();
        log(`dropped PostgreSQL database ${new URL(scratch.url).pathname.slice(1)}`);
      }
    };
    return { target, name: options.postgres ? 'GoldDesk (PostgreSQL)' : 'GoldDesk (SQLite)' };
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await scratch?.drop();
    throw error;
  }
}

/**
 * Makes sure the demo shop's welcome auto-reply is on (as a fresh demo has it), so every buyer's first message is
 * answered by it and the load measures chat traffic with that automation. Returns the text its replies start with.
 */
async function enableWelcome(baseUrl: string): Promise<string> {
  type WelcomeRule = { id: string; kind: string; enabled: boolean; text: string; stats: unknown; updatedAt: string };
  const call = async (method: string, route: string, body?: unknown, token?: string) => {
    const response = await fetch(`${baseUrl}${route}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    if (!response.ok) throw new Error(`${method} ${route} → ${response.status} ${(await response.text()).slice(0, 200)}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const { token } = (await call('POST', '/api/v1/auth/login', { shop: 'demo', username: 'owner', password: PASSWORD })) as {
    token: string;
  };
  const { rules } = (await call('GET', '/api/v1/auto-replies', undefined, token)) as { rules: WelcomeRule[] };
  const welcome = rules.find((rule) => rule.kind === 'welcome');
  if (!welcome) throw new Error('the demo shop has no welcome auto-reply');
  if (!welcome.enabled) {
    const { id: _id, stats: _stats, updatedAt: _updated, ...input } = welcome;
    await call('PUT', `/api/v1/auto-replies/${welcome.id}`, { ...input, enabled: true }, token);
  }
  // The literal text before the first variable or line break, e.g. 亲，欢迎光临.
  const mark = String(welcome.text).split(/[{\n]/)[0]!.trim();
  if (!mark) throw new Error('the welcome auto-reply starts with a variable: nothing to recognise it by');
  return mark;
}

/** Forks the load process, hands it the plan and waits for its result. */
function runLoadProcess(
  plan: LoadPlan,
  onStarted: (pid: number) => void,
): Promise<{ result: LoadResult; window: [number, number] }> {
  const child = fork(path.join(ROOT, 'bench/load-client.ts'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  onStarted(child.pid!);
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  cleanups.push(kill);
  let windowStart = NaN;
  let windowEnd = NaN;
  let lastProgress = 0;
  return new Promise((resolve, reject) => {
    child.on('message', (message: ToOrchestrator) => {
      switch (message.type) {
        case 'progress':
          // Set-up lines always; running lines at most every 4 s.
          if (!/sent \d+/.test(message.text) || Date.now() - lastProgress >= 3900) {
            if (/sent \d+/.test(message.text)) lastProgress = Date.now();
            log(message.text);
          }
          return;
        case 'window':
          if (message.edge === 'start') windowStart = message.at;
          else windowEnd = message.at;
          return;
        case 'result':
          resolve({ result: message.result, window: [windowStart, windowEnd] });
          return;
        case 'failed':
          reject(new Error(`load process failed: ${message.error}`));
      }
    });
    child.on('exit', (code) => reject(new Error(`load process exited with ${code}`)));
    child.send({ type: 'plan', plan } satisfies ToLoadClient);
  }).finally(kill) as Promise<{ result: LoadResult; window: [number, number] }>;
}

async function runTarget(options: Options, scenario: Scenario, kind: 'golddesk' | 'raw'): Promise<TargetRun> {
  const profileDir =
    kind === 'golddesk' && options.cpuProf ? fs.mkdtempSync(path.join(os.tmpdir(), 'golddesk-prof-')) : undefined;
  let target: Target | undefined;
  let targetName = kind === 'raw' ? 'raw ws relay' : options.postgres ? 'GoldDesk (PostgreSQL)' : 'GoldDesk (SQLite)';
  const run: TargetRun = { scenario, kind, targetName };
  let sampler: Sampler | undefined;
  try {
    log(`scenario ${scenario.id} — starting ${targetName}`);
    if (kind === 'golddesk') {
      const started = await startGoldDesk(options, profileDir);
      target = started.target;
      targetName = run.targetName = started.name;
    } else {
      target = await startTarget('raw ws relay', ['--import', 'tsx', 'bench/raw-ws-relay.ts'], serverEnv({}), ROOT);
    }
    const stopTarget = target.stop;
    cleanups.push(stopTarget);
    log(`${targetName} listening on ${target.baseUrl} (pid ${target.child.pid})`);
    const welcomeMark = kind === 'golddesk' ? await enableWelcome(target.baseUrl) : undefined;
    if (welcomeMark) log(`welcome auto-reply on: every buyer's first message must be answered with "${welcomeMark}…"`);

    const plan: LoadPlan = {
      label: `${scenario.id} ${targetName}`,
      baseUrl: target.baseUrl,
      shop: 'demo',
      password: PASSWORD,
      agentUsers: AGENT_USERS,
      buyers: scenario.buyers,
      agentSockets: scenario.agentSockets,
      transport: scenario.transport,
      mode: scenario.mode,
      rate: scenario.rate,
      inflight: scenario.inflight,
      warmupSeconds: scenario.warmupSeconds,
      measureSeconds: scenario.measureSeconds,
      sliceMs: 10,
      setupConcurrency: 32,
      deadlineSeconds: Math.max(120, scenario.warmupSeconds + scenario.measureSeconds + 240),
      welcomeMark,
    };
    const serverPid = target.child.pid!;
    const { result, window } = await runLoadProcess(plan, (clientPid) => {
      sampler = new Sampler({ server: serverPid, client: clientPid });
      sampler.start();
    });
    sampler?.stop();
    run.load = result;
    run.server = sampler?.usage('server', window[0], window[1]);
    run.client = sampler?.usage('client', window[0], window[1]);
    run.machine = sampler?.machineUsage(window[0], window[1], ['server', 'client']);
    log(
      `${targetName}: ${Math.round(result.storedPerSecond)} stored msg/s, delivery p50 ${result.delivery.p50.toFixed(1)} ms, ` +
        `p99 ${result.delivery.p99.toFixed(1)} ms, server CPU ${Math.round(run.server?.cpuPercent ?? NaN)} %` +
        (result.welcome ? `, welcome auto-reply ${result.welcome.welcomed}/${result.welcome.buyers} buyers` : ''),
    );
    if (result.welcome && result.welcome.welcomed < result.welcome.buyers) {
      run.error = `only ${result.welcome.welcomed} of ${result.welcome.buyers} buyers got the welcome auto-reply`;
    }
  } catch (error) {
    run.error = error instanceof Error ? error.message.split('\n').slice(0, 6).join(' ') : String(error);
    log(`${targetName} failed: ${run.error}`);
    if (target) log(`last server output:\n${target.tail.slice(-10).join('\n')}`);
  } finally {
    sampler?.stop();
    if (target) {
      const index = cleanups.indexOf(target.stop);
      if (index >= 0) cleanups.splice(index, 1);
      await target.stop();
      // Diagnostic preloads report on stderr at exit.
      if (process.env.BENCH_SERVER_NODE_ARGS && kind === 'golddesk') console.log(target.tail.join('\n'));
    }
  }
  if (profileDir) {
    const file = fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (file) {
      run.profile = path.join(profileDir, file);
      log(`CPU profile of the GoldDesk server: ${run.profile}`);
      printProfile(summariseProfile(run.profile, 30));
    }
  }
  return run;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const limit = setTimeout(() => {
    console.error(`bench: time limit of ${options.timeLimitSeconds} s reached, stopping`);
    void cleanup().finally(() => process.exit(4));
  }, options.timeLimitSeconds * 1000);
  limit.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void cleanup().finally(() => process.exit(130)));
  }

  log('measuring the machine (1 s)…');
  const machine = describeMachine();
  log(
    `${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGb} GB RAM, Node ${machine.node}; load average ${machine.loadAverageBefore.join(' ')}`,
  );
  if (machine.otherBusyProcesses.length) log(`other busy processes: ${machine.otherBusyProcesses.join(', ')}`);

  const report: RunReport = { startedAt: new Date(startedAt), finishedAt: new Date(), options, machine, runs: [] };
  for (const scenario of options.scenarios) {
    if (options.golddesk) report.runs.push(await runTarget(options, scenario, 'golddesk'));
    if (options.raw) report.runs.push(await runTarget(options, scenario, 'raw'));
  }
  report.finishedAt = new Date();
  await cleanup();

  const summary = summaryTable(report);
  console.log('\n' + summary);
  const json = path.join(os.tmpdir(), `golddesk-bench-${startedAt}.json`);
  fs.writeFileSync(json, JSON.stringify(report, null, 2));
  console.log(`raw results: ${json}`);
  if (options.docs) {
    writeDocs(DOCS, figuresMarkdown(report), DEFAULT_INTRO);
    console.log(`figures written to ${path.relative(ROOT, DOCS)}`);
  }
  const failed = report.runs.some((r) => r.error);
  process.exit(failed ? 1 : 0);
}

const DEFAULT_INTRO = `# Benchmarks

How fast GoldDesk stores and delivers chat messages on one machine, next to a raw \`ws\` relay that
stores nothing. Regenerate with \`npm run bench\`.
`;

main().catch(async (error) => {
  console.error('bench failed:', error instanceof Error ? error.stack : error);
  await cleanup();
  process.exit(1);
});
