/** Command-line options and the scenarios the acceptance asks for. */
import type { Transport } from './protocol.js';

export interface Scenario {
  id: string;
  title: string;
  buyers: number;
  agentSockets: number;
  mode: 'max' | 'rate';
  rate: number;
  inflight: number;
  warmupSeconds: number;
  measureSeconds: number;
  transport: Transport;
  /** The acceptance target this scenario checks, if any. */
  target?: { kind: 'throughput'; minPerSecond: number } | { kind: 'p99'; maxMs: number };
}

/**
 * (A) max rate: stored msg/s. The load is a closed loop (throughput = messages in flight ÷ round trip),
 * so it must offer enough in flight to find the server's ceiling rather than its latency: 200 buyers
 * with up to 5 unacknowledged messages each (1,000 in flight).
 */
export const SCENARIO_A: Scenario = {
  id: 'A',
  title: 'max rate (stored msg/s)',
  buyers: 200,
  agentSockets: 4,
  mode: 'max',
  rate: 0,
  inflight: 5,
  warmupSeconds: 5,
  measureSeconds: 15,
  transport: 'ws',
  target: { kind: 'throughput', minPerSecond: 5000 },
};

/** (B) 2,000 buyers connected, 1,000 msg/s for 20 s: delivery latency. */
export const SCENARIO_B: Scenario = {
  id: 'B',
  title: '2,000 buyers, 1,000 msg/s (delivery latency)',
  buyers: 2000,
  agentSockets: 4,
  mode: 'rate',
  rate: 1000,
  inflight: 4,
  warmupSeconds: 5,
  measureSeconds: 20,
  transport: 'ws',
  target: { kind: 'p99', maxMs: 50 },
};

export interface Options {
  scenarios: Scenario[];
  postgres: boolean;
  raw: boolean;
  golddesk: boolean;
  /** Write docs/benchmarks.md (default: only for the default scenario set on SQLite). */
  docs: boolean;
  cpuProf: boolean;
  timeLimitSeconds: number;
  /** The command line as typed, for the docs. */
  command: string;
}

export const USAGE = `npm run bench [-- options]

  (no options)          scenarios A (max rate) and B (2,000 buyers at 1,000 msg/s) on SQLite,
                        GoldDesk and the raw ws relay; rewrites the figures in docs/benchmarks.md
  --scenario A|B|A,B    run only these of the default scenarios
  --max | --rate R      a custom scenario instead: as fast as possible, or R msg/s
    --buyers N          buyer sessions, each with a WebSocket (default 200 for --max, 2000 for --rate)
    --agents M          agent sockets (default 4)
    --inflight K        unacknowledged messages per buyer (default 5 / 4)
    --warmup S          warm-up seconds (default 5)
    --duration S        measured seconds (default 15 / 20)
    --transport ws|http send over the WebSocket (default) or POST /api/v1/widget/messages
  --postgres            GoldDesk on a fresh PostgreSQL database on postgres://root@127.0.0.1:5432 (dropped after)
  --no-raw              skip the raw ws relay baseline
  --no-golddesk         only the raw relay
  --docs / --no-docs    force or skip rewriting docs/benchmarks.md
  --cpu-prof            run the GoldDesk server with --cpu-prof; prints the profile path and its top functions
  --time-limit S        abort the whole run after S seconds (default 1200)
`;

export function parseOptions(argv: string[]): Options {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}\n\n${USAGE}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const takesValue = [
      'scenario',
      'rate',
      'buyers',
      'agents',
      'inflight',
      'warmup',
      'duration',
      'transport',
      'time-limit',
    ].includes(name);
    if (takesValue) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      flags.set(name, value);
    } else {
      flags.set(name, true);
    }
  }
  if (flags.has('help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const known = new Set([
    'scenario',
    'max',
    'rate',
    'buyers',
    'agents',
    'inflight',
    'warmup',
    'duration',
    'transport',
    'postgres',
    'no-raw',
    'no-golddesk',
    'docs',
    'no-docs',
    'cpu-prof',
    'time-limit',
  ]);
  for (const name of flags.keys()) if (!known.has(name)) throw new Error(`unknown option --${name}\n\n${USAGE}`);

  const number = (name: string, fallback: number) => {
    const value = flags.get(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  const transport = (flags.get('transport') ?? 'ws') as Transport;
  if (transport !== 'ws' && transport !== 'http') throw new Error('--transport must be ws or http');

  let scenarios: Scenario[];
  const custom = flags.has('max') || flags.has('rate');
  if (custom) {
    const max = flags.has('max');
    scenarios = [
      {
        id: max ? 'max' : `rate${number('rate', 1000)}`,
        title: max ? 'custom max rate' : `custom ${number('rate', 1000)} msg/s`,
        buyers: Math.round(number('buyers', max ? 200 : 2000)),
        agentSockets: Math.round(number('agents', 4)),
        mode: max ? 'max' : 'rate',
        rate: max ? 0 : number('rate', 1000),
        inflight: Math.round(number('inflight', max ? 5 : 4)),
        warmupSeconds: number('warmup', 5),
        measureSeconds: number('duration', max ? 15 : 20),
        transport,
      },
    ];
  } else {
    const wanted = String(flags.get('scenario') ?? 'A,B')
      .toUpperCase()
      .split(',');
    scenarios = [SCENARIO_A, SCENARIO_B]
      .filter((s) => wanted.includes(s.id))
      .map((s) => ({
        ...s,
        buyers: Math.round(number('buyers', s.buyers)),
        agentSockets: Math.round(number('agents', s.agentSockets)),
        inflight: Math.round(number('inflight', s.inflight)),
        warmupSeconds: number('warmup', s.warmupSeconds),
        measureSeconds: number('duration', s.measureSeconds),
        transport,
      }));
    if (scenarios.length === 0) throw new Error('--scenario names none of A, B');
  }
  const postgres = flags.has('postgres');
  const defaultRun = !custom && !postgres && scenarios.length === 2 && argv.length === 0;
  return {
    scenarios,
    postgres,
    raw: !flags.has('no-raw'),
    golddesk: !flags.has('no-golddesk'),
    docs: flags.has('no-docs') ? false : flags.has('docs') || defaultRun,
    cpuProf: flags.has('cpu-prof'),
    timeLimitSeconds: number('time-limit', 1200),
    command: ['npm run bench', ...(argv.length ? ['--', ...argv] : [])].join(' '),
  };
}
