/** Starting, watching and stopping the target server processes, and sampling their CPU and memory. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

const CLOCK_TICKS = 100; // USER_HZ on Linux

export interface Target {
  name: string;
  child: ChildProcess;
  baseUrl: string;
  /** Last lines of stderr/stdout, for failures. */
  tail: string[];
  stop(): Promise<void>;
}

/**
 * Spawns `node <args>` with env, waits for the "listening on http://host:port" line it prints and a
 * healthy /healthz, and returns the base URL.
 */
export async function startTarget(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  timeoutMs = 60_000,
): Promise<Target> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const remember = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) tail.push(line);
    while (tail.length > 40) tail.shift();
  };
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start within ${timeoutMs / 1000} s:\n${tail.join('\n')}`)),
      timeoutMs,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      remember(chunk);
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(chunk.toString());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', remember);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before listening:\n${tail.join('\n')}`));
    });
  });
  const health = await fetch(`${baseUrl}/healthz`);
  if (!health.ok) throw new Error(`${name}: /healthz answered ${health.status}`);

  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { name, child, baseUrl, tail, stop };
}

export interface ProcSample {
  at: number;
  /** CPU seconds (user + system) consumed so far. */
  cpuSeconds: number;
  rssMb: number;
}

export function readProc(pid: number): ProcSample | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the ")" that closes the command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { at: Date.now(), cpuSeconds, rssMb: rssKb / 1024 };
  } catch {
    return undefined;
  }
}

/** Machine-wide busy and total CPU seconds (all cores) from /proc/stat. */
export function readMachine(): { at: number; busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  return { at: Date.now(), busy: (total - idle) / CLOCK_TICKS, total: total / CLOCK_TICKS };
}

export interface UsageSummary {
  /** % of one core, averaged over the window (may exceed 100: GC and libuv threads). */
  cpuPercent: number;
  /** Peak % of one core over any sampling interval in the window. */
  cpuPeakPercent: number;
  rssMbMax: number;
  rssMbEnd: number;
}

/** Samples a set of processes and the machine every `everyMs` while running; summarises a window. */
export class Sampler {
  private readonly samples = new Map<string, ProcSample[]>();
  private readonly machine: { at: number; busy: number; total: number }[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly pids: Record<string, number>,
    private readonly everyMs = 500,
  ) {}

  start() {
    const tick = () => {
      for (const [name, pid] of Object.entries(this.pids)) {
        const s = readProc(pid);
        if (!s) continue;
        let list = this.samples.get(name);
        if (!list) this.samples.set(name, (list = []));
        list.push(s);
      }
      this.machine.push(readMachine());
    };
    tick();
    this.timer = setInterval(tick, this.everyMs);
  }

  stop() {
    clearInterval(this.timer);
  }

  usage(name: string, from: number, to: number): UsageSummary | undefined {
    const list = (this.samples.get(name) ?? []).filter((s) => s.at >= from - this.everyMs && s.at <= to + this.everyMs);
    if (list.length < 2) return undefined;
    const first = list[0]!;
    const last = list[list.length - 1]!;
    let peak = 0;
    for (let i = 1; i < list.length; i++) {
      const dt = (list[i]!.at - list[i - 1]!.at) / 1000;
      if (dt > 0) peak = Math.max(peak, ((list[i]!.cpuSeconds - list[i - 1]!.cpuSeconds) / dt) * 100);
    }
    return {
      cpuPercent: ((last.cpuSeconds - first.cpuSeconds) / ((last.at - first.at) / 1000)) * 100,
      cpuPeakPercent: peak,
      rssMbMax: Math.max(...list.map((s) => s.rssMb)),
      rssMbEnd: last.rssMb,
    };
  }

  /** Machine busy % of all cores over the window, and how much of it was not our processes. */
  machineUsage(from: number, to: number, ours: string[]): { busyPercent: number; otherCores: number } | undefined {
    const list = this.machine.filter((s) => s.at >= from - this.everyMs && s.at <= to + this.everyMs);
    if (list.length < 2) return undefined;
    const first = list[0]!;
    const last = list[list.length - 1]!;
    const seconds = (last.at - first.at) / 1000;
    const busyCores = (last.busy - first.busy) / seconds;
    const ourCores = ours.reduce((sum, name) => sum + (this.usage(name, from, to)?.cpuPercent ?? 0) / 100, 0);
    return { busyPercent: (busyCores / os.cpus().length) * 100, otherCores: Math.max(0, busyCores - ourCores) };
  }
}
