/** The summary table printed at the end and the generated figures section of docs/benchmarks.md. */
import fs from 'node:fs';
import type { MachineInfo } from './machine.js';
import type { UsageSummary } from './processes.js';
import type { LoadResult } from './protocol.js';
import type { Options, Scenario } from './scenarios.js';

export interface TargetRun {
  scenario: Scenario;
  kind: 'golddesk' | 'raw';
  targetName: string;
  load?: LoadResult;
  server?: UsageSummary;
  client?: UsageSummary;
  machine?: { busyPercent: number; otherCores: number };
  error?: string;
  profile?: string;
}

export interface RunReport {
  startedAt: Date;
  finishedAt: Date;
  options: Options;
  machine: MachineInfo;
  runs: TargetRun[];
}

const f0 = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '–' : Math.round(n).toLocaleString('en-US'));
const f1 = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(1));
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? '–' : `${(a / b).toFixed(2)}×`;

/** Whether the scenario's acceptance target was met by GoldDesk, with the figure that decides it. */
export function verdict(run: TargetRun): { met: boolean; text: string } | undefined {
  const target = run.scenario.target;
  if (!target || run.kind !== 'golddesk') return undefined;
  if (!run.load) return { met: false, text: `no result (${run.error ?? 'failed'})` };
  if (target.kind === 'throughput') {
    const met = run.load.storedPerSecond >= target.minPerSecond;
    return { met, text: `${f0(run.load.storedPerSecond)} stored msg/s ${met ? '≥' : '<'} ${f0(target.minPerSecond)}` };
  }
  const p99 = run.load.delivery.p99;
  const rateOk = run.load.sentPerSecond >= run.scenario.rate * 0.97;
  const met = p99 < target.maxMs && rateOk && run.load.rejected === 0;
  return {
    met,
    text:
      `delivery p99 ${f1(p99)} ms ${p99 < target.maxMs ? '<' : '≥'} ${target.maxMs} ms at ${f0(run.load.sentPerSecond)} msg/s` +
      (rateOk ? '' : ` (offered rate not reached: ${f0(run.load.sentPerSecond)} of ${f0(run.scenario.rate)})`),
  };
}

function describeScenario(s: Scenario): string {
  const load =
    s.mode === 'max'
      ? `as fast as acks allow, ≤ ${s.inflight} unacknowledged per buyer`
      : `${f0(s.rate)} msg/s paced in 10 ms slices`;
  return (
    `${s.buyers.toLocaleString('en-US')} buyers (each a widget session + WebSocket), ${s.agentSockets} agent sockets; ` +
    `${load}; sent over ${s.transport === 'ws' ? 'WebSocket `message.send`' : 'HTTP POST /api/v1/widget/messages'}; ` +
    `${s.warmupSeconds} s warm-up, ${s.measureSeconds} s measured`
  );
}

/** Server CPU time per stored message, µs: comparable across runs even when other load steals cores. */
export function cpuPerMessage(run: TargetRun): number {
  if (!run.server || !run.load || run.load.storedPerSecond === 0) return NaN;
  return (run.server.cpuPercent / 100 / run.load.storedPerSecond) * 1e6;
}

const HEADER = [
  'target',
  'stored msg/s',
  'delivery p50 / p95 / p99 / max (ms)',
  'ack p99 (ms)',
  'server CPU % (peak)',
  'server CPU µs/msg',
  'server RSS MB (max)',
  'load client CPU %',
  'other load (cores)',
  'complete',
];

function row(run: TargetRun): string[] {
  const l = run.load;
  if (!l) return [run.targetName, `failed: ${run.error ?? '?'}`, '', '', '', '', '', '', ''];
  const d = l.delivery;
  return [
    run.targetName,
    f0(l.storedPerSecond),
    `${f1(d.p50)} / ${f1(d.p95)} / ${f1(d.p99)} / ${f1(d.max)}`,
    f1(l.ack.p99),
    run.server ? `${f0(run.server.cpuPercent)} (${f0(run.server.cpuPeakPercent)})` : '–',
    run.server ? f0(cpuPerMessage(run)) : '–',
    run.server ? f0(run.server.rssMbMax) : '–',
    run.client ? f0(run.client.cpuPercent) : '–',
    run.machine ? f1(run.machine.otherCores) : '–',
    `${l.deliveredToAllAgents === l.ackedInWindow && l.rejected === 0 ? 'yes' : 'NO'} (${f0(l.deliveredToAllAgents)}/${f0(l.ackedInWindow)})`,
  ];
}

function ratioRow(g: TargetRun | undefined, r: TargetRun | undefined): string[] | undefined {
  if (!g?.load || !r?.load) return undefined;
  return [
    'GoldDesk / raw',
    ratio(g.load.storedPerSecond, r.load.storedPerSecond),
    `${ratio(g.load.delivery.p50, r.load.delivery.p50)} / ${ratio(g.load.delivery.p95, r.load.delivery.p95)} / ${ratio(g.load.delivery.p99, r.load.delivery.p99)} / –`,
    ratio(g.load.ack.p99, r.load.ack.p99),
    g.server && r.server ? ratio(g.server.cpuPercent, r.server.cpuPercent) : '–',
    g.server && r.server ? ratio(cpuPerMessage(g), cpuPerMessage(r)) : '–',
    g.server && r.server ? ratio(g.server.rssMbMax, r.server.rssMbMax) : '–',
    '',
    '',
    '',
  ];
}

export function summaryTable(report: RunReport): string {
  const lines: string[] = [];
  for (const scenario of report.options.scenarios) {
    const runs = report.runs.filter((r) => r.scenario === scenario);
    const rows = runs.map(row);
    const extra = ratioRow(
      runs.find((r) => r.kind === 'golddesk'),
      runs.find((r) => r.kind === 'raw'),
    );
    if (extra) rows.push(extra);
    const all = [HEADER, ...rows];
    const widths = HEADER.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
    lines.push(`Scenario ${scenario.id}: ${scenario.title}`);
    for (const r of all) lines.push('  ' + r.map((c, i) => (c ?? '').padEnd(widths[i]!)).join('  '));
    for (const run of runs) {
      const v = verdict(run);
      if (v) lines.push(`  target: ${v.met ? 'MET' : 'MISSED'} — ${v.text}`);
      if (run.load?.welcome)
        lines.push(`  welcome auto-reply: ${f0(run.load.welcome.welcomed)}/${f0(run.load.welcome.buyers)} buyers answered`);
      if (run.load?.errors.length) lines.push(`  ${run.targetName} errors: ${run.load.errors.slice(0, 3).join(' | ')}`);
      if (run.load && run.load.clientLoopDelayP99Ms > 20) {
        lines.push(
          `  note: load client event-loop delay p99 ${f1(run.load.clientLoopDelayP99Ms)} ms for ${run.targetName} (client-side queueing inflates latency)`,
        );
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}

const table = (rows: string[][]) =>
  [
    `| ${rows[0]!.join(' | ')} |`,
    `|${rows[0]!.map(() => '---').join('|')}|`,
    ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

export function figuresMarkdown(report: RunReport): string {
  const m = report.machine;
  const out: string[] = [];
  out.push(
    `_Generated by \`${report.options.command}\` on ${report.startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC ` +
      `(took ${Math.round((report.finishedAt.getTime() - report.startedAt.getTime()) / 1000)} s). Re-running the command rewrites this section._`,
  );
  out.push('');
  out.push('### Machine');
  out.push('');
  out.push(`- CPU: ${m.cpuModel}, ${m.cores} cores`);
  out.push(`- RAM: ${m.ramGb} GB`);
  out.push(`- Node.js ${m.node}; ${m.os}`);
  out.push(
    `- Storage: ${report.options.postgres ? 'PostgreSQL (fresh database on 127.0.0.1:5432)' : 'SQLite (WAL, synchronous=FULL) in a fresh temp DATA_DIR'}`,
  );
  out.push(
    `- Load average before the run: ${m.loadAverageBefore.join(' / ')}` +
      (m.otherBusyProcesses.length
        ? `; other busy processes at start: ${m.otherBusyProcesses.join(', ')}`
        : '; no other busy process at start'),
  );
  out.push('');
  for (const scenario of report.options.scenarios) {
    const runs = report.runs.filter((r) => r.scenario === scenario);
    out.push(`### Scenario ${scenario.id}: ${scenario.title}`);
    out.push('');
    out.push(describeScenario(scenario) + '.');
    out.push('');
    const rows = runs.map(row);
    const extra = ratioRow(
      runs.find((r) => r.kind === 'golddesk'),
      runs.find((r) => r.kind === 'raw'),
    );
    if (extra) rows.push(extra.map((c, i) => (i === 0 ? `**${c}**` : c)));
    out.push(table([HEADER, ...rows]));
    out.push('');
    for (const run of runs) {
      const v = verdict(run);
      if (v) out.push(`**Target ${v.met ? 'met' : 'missed'}:** ${v.text}.`);
      if (run.load?.welcome) {
        out.push('');
        out.push(
          `Welcome auto-reply on: ${f0(run.load.welcome.welcomed)} of ${f0(run.load.welcome.buyers)} buyers' first messages answered by it.`,
        );
      }
    }
    const notes: string[] = [];
    for (const run of runs) {
      if (!run.load) continue;
      if (run.machine && run.machine.otherCores >= 0.15) {
        notes.push(
          `other load present during the ${run.targetName} window: ~${f1(run.machine.otherCores)} cores busy outside the server and load client (machine ${f0(run.machine.busyPercent)} % busy)`,
        );
      }
      if (run.load.clientLoopDelayP99Ms > 20)
        notes.push(
          `the load client's event-loop delay p99 was ${f1(run.load.clientLoopDelayP99Ms)} ms during the ${run.targetName} window; latency figures include that client-side queueing`,
        );
      if (run.load.skippedSends)
        notes.push(`${run.targetName}: ${f0(run.load.skippedSends)} pacing attempts hit a buyer's in-flight bound`);
      if (run.load.errors.length) notes.push(`${run.targetName} errors: ${run.load.errors.slice(0, 3).join('; ')}`);
    }
    if (notes.length) {
      out.push('');
      for (const n of notes) out.push(`- ${n}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export const FIGURES_START = '<!-- bench:figures:start (generated by npm run bench; do not edit by hand) -->';
export const FIGURES_END = '<!-- bench:figures:end -->';

/** Replaces the generated section of the docs page (creating the page with a short intro if missing). */
export function writeDocs(file: string, figures: string, intro: string) {
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : intro;
  const start = text.indexOf(FIGURES_START);
  const end = text.indexOf(FIGURES_END);
  const block = `${FIGURES_START}\n\n${figures.trim()}\n\n${FIGURES_END}`;
  if (start >= 0 && end > start) text = text.slice(0, start) + block + text.slice(end + FIGURES_END.length);
  else text = `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
}
