/**
 * `npm run bench:measures`: how fast the 绩效 figures come back on a big shop. Starts the real server once on a fresh
 * SQLite DATA_DIR (it creates the demo shop), stops it, writes a month of history straight into the database —
 * 1,000,000 messages by default: conversations of buyers and the demo agents, replies after believable delays —
 * rebuilds the facts from those messages with the measures module's own rebuild (timed, with progress), starts the
 * server again and times the figures routes over HTTP as the workbench calls them (several runs each; median and max).
 * Options: `--messages N`, `--runs N`, `--keep` (keep the data folder).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chinaTimeOf } from '@golddesk/contracts';
import type { AppContext } from '../apps/server/src/platform/app-context.js';
import type { Insertable } from 'kysely';
import { openStorage } from '../apps/server/src/platform/db/database.js';
import type { Database } from '../apps/server/src/platform/db/schema.js';
import { rebuildMeasures } from '../apps/server/src/modules/measures/index.js';
import { describeMachine } from './machine.js';
import { startTarget } from './processes.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'bench-demo-password-1';
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const MESSAGES = option('--messages', 1_000_000);
const RUNS = option('--runs', 7);
const PER_CONVERSATION = 50;
const DAYS = 30;
const DAY_MS = 24 * 3600_000;

/** Deterministic pseudo-random numbers, so two runs measure the same shop. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const BUYER_LINES = ['在吗', '这个有M码吗', '什么时候发货', '能便宜点吗', '包邮吗', '好的', '谢谢'];
const AGENT_LINES = ['亲，在的~', '亲，有货的哦', '付款后48小时内发货', '亲，已经是活动价了哦', '全国包邮哦', '感谢亲的支持~'];

async function seedHistory(dataDir: string, now: number): Promise<void> {
  const storage = openStorage({ dataDir });
  const db = storage.db;
  const shop = await db.selectFrom('shops').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow();
  const agents = (await db.selectFrom('agents').select('id').where('shop_id', '=', shop.id).execute()).map((a) => a.id);
  const next = random(42);
  const conversations = Math.ceil(MESSAGES / PER_CONVERSATION);
  const started = performance.now();
  const BATCH = 200;
  for (let first = 0; first < conversations; first += BATCH) {
    const buyers: Insertable<Database['buyers']>[] = [];
    const rows: Insertable<Database['conversations']>[] = [];
    const messages: Insertable<Database['messages']>[] = [];
    for (let i = first; i < Math.min(first + BATCH, conversations); i++) {
      const id = `bench-c-${i}`;
      const buyerId = `bench-b-${i}`;
      const dayStart = now - (1 + Math.floor(next() * DAYS)) * DAY_MS;
      let at = dayStart - (dayStart % DAY_MS) - 8 * 3600_000 + (8 + next() * 14) * 3600_000;
      const agentId = agents[Math.floor(next() * agents.length)]!;
      const createdAt = new Date(at).toISOString();
      buyers.push({
        id: buyerId,
        shop_id: shop.id,
        visitor_id: `bench-v-${i}`,
        nick: `买家${i}`,
        phone: null,
        province: null,
        city: null,
        vip_level: 0,
        created_at: createdAt,
        last_seen_at: createdAt,
      });
      for (let seq = 1; seq <= PER_CONVERSATION; seq++) {
        const fromBuyer = seq % 2 === 1 || next() < 0.2;
        at += fromBuyer ? 20_000 + next() * 600_000 : 5_000 + next() * (next() < 0.1 ? 900_000 : 150_000);
        messages.push({
          id: `bench-m-${i}-${seq}`,
          shop_id: shop.id,
          conversation_id: id,
          seq,
          sender: fromBuyer ? 'buyer' : 'agent',
          agent_id: fromBuyer ? null : agentId,
          kind: 'text',
          body: fromBuyer ? BUYER_LINES[seq % BUYER_LINES.length]! : AGENT_LINES[seq % AGENT_LINES.length]!,
          payload: null,
          client_msg_id: `bench-${i}-${seq}`,
          created_at: new Date(at).toISOString(),
        });
      }
      rows.push({
        id,
        shop_id: shop.id,
        buyer_id: buyerId,
        status: 'closed',
        assignee_id: agentId,
        last_seq: PER_CONVERSATION,
        last_message_id: `bench-m-${i}-${PER_CONVERSATION}`,
        waiting_since: null,
        agent_read_seq: PER_CONVERSATION,
        buyer_read_seq: PER_CONVERSATION,
        created_at: createdAt,
        updated_at: new Date(at).toISOString(),
      });
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('buyers').values(buyers).execute();
      await trx.insertInto('conversations').values(rows).execute();
      for (let i = 0; i < messages.length; i += 500)
        await trx
          .insertInto('messages')
          .values(messages.slice(i, i + 500))
          .execute();
    });
    if ((first / BATCH) % 25 === 0) {
      process.stdout.write(
        `\r  writing history: ${Math.min(first + BATCH, conversations).toLocaleString('en')} / ${conversations.toLocaleString('en')} conversations`,
      );
    }
  }
  console.log(`\n  wrote ${MESSAGES.toLocaleString('en')} messages in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const rebuildStarted = performance.now();
  const app = { storage, now: () => new Date(now) } as unknown as AppContext;
  const counts = await rebuildMeasures(app, {
    shopId: shop.id,
    onProgress: (done) =>
      process.stdout.write(
        `\r  rebuilding the facts: ${done.toLocaleString('en')} / ${conversations.toLocaleString('en')} conversations`,
      ),
  });
  console.log(
    `\n  rebuilt ${counts.turns.toLocaleString('en')} turns and ${counts.inquiries.toLocaleString('en')} inquiries from ${counts.messages.toLocaleString('en')} messages in ${((performance.now() - rebuildStarted) / 1000).toFixed(1)} s`,
  );
  await storage.close();
}

async function main() {
  const machine = describeMachine();
  console.log(
    `${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}; load average ${machine.loadAverageBefore.join(' ')}`,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golddesk-measures-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'GOLDDESK_DEMO', 'GOLDDESK_SECRET', 'NODE_OPTIONS']) delete env[name];
  Object.assign(env, {
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    GOLDDESK_DEMO_PASSWORD: PASSWORD,
    DATA_DIR: path.join(dir, 'data'),
  });
  try {
    const first = await startTarget('GoldDesk', ['--import', 'tsx', 'apps/server/src/main.ts'], env, ROOT);
    await first.stop();
    const now = Date.now();
    await seedHistory(path.join(dir, 'data'), now);

    const target = await startTarget('GoldDesk', ['--import', 'tsx', 'apps/server/src/main.ts'], env, ROOT);
    try {
      const login = await fetch(`${target.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ shop: 'demo', username: 'owner', password: PASSWORD }),
      });
      const { token } = (await login.json()) as { token: string };
      const to = chinaTimeOf(new Date(now - DAY_MS)).date;
      const from = chinaTimeOf(new Date(now - DAYS * DAY_MS)).date;
      const range = `from=${from}&to=${to}`;
      const routes = [
        `/api/v1/measures?${range}&by=agent`,
        `/api/v1/measures?${range}&by=day`,
        `/api/v1/measures?${range}&by=hour`,
        `/api/v1/measures/distribution?${range}`,
        `/api/v1/measures/facts?${range}&kind=turns&limit=100`,
      ];
      console.log(`\n  ${RUNS} runs per route over ${from} … ${to} (the whole history):`);
      for (const route of routes) {
        const times: number[] = [];
        let turns = 0;
        for (let run = 0; run < RUNS; run++) {
          const started = performance.now();
          const response = await fetch(`${target.baseUrl}${route}`, { headers: { authorization: `Bearer ${token}` } });
          const body = (await response.json()) as { total?: { turns: number } | number };
          times.push(performance.now() - started);
          if (!response.ok) throw new Error(`${route}: ${response.status} ${JSON.stringify(body)}`);
          if (typeof body.total === 'object') turns = body.total.turns;
        }
        times.sort((a, b) => a - b);
        const median = times[Math.floor(times.length / 2)]!;
        console.log(
          `  GET ${route.split('?')[0]}?…${route.includes('by=') ? route.slice(route.indexOf('by=')) : route.includes('kind=') ? ' kind=turns' : ''}: median ${median.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms${turns ? ` (${turns.toLocaleString('en')} counted turns)` : ''}`,
        );
      }
    } finally {
      await target.stop();
    }
  } finally {
    if (args.includes('--keep')) console.log(`  kept the data in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
