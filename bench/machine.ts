/** What the numbers were measured on. */
import fs from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  loadAverageBefore: number[];
  otherBusyProcesses: string[];
}

export function describeMachine(): MachineInfo {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
    cpuModel = /model name\s*:\s*(.+)/.exec(info)?.[1]?.trim() ?? cpuModel;
  } catch {
    // not Linux
  }
  let osName = `${os.type()} ${os.release()}`;
  try {
    const release = fs.readFileSync('/etc/os-release', 'utf8');
    const pretty = /PRETTY_NAME="?([^"\n]+)"?/.exec(release)?.[1];
    if (pretty) osName = `${pretty} (kernel ${os.release()})`;
  } catch {
    // keep uname
  }
  return {
    cpuModel,
    cores: os.cpus().length,
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: osName,
    loadAverageBefore: os.loadavg().map((v) => Math.round(v * 100) / 100),
    otherBusyProcesses: busyProcesses(),
  };
}

/** Processes (not this one or its children) that used noticeable CPU in the last second. */
export function busyProcesses(sampleMs = 1000): string[] {
  const read = () => {
    const out = new Map<number, { ticks: number; name: string }>();
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(Number(entry), { ticks: Number(fields[11]) + Number(fields[12]), name });
      } catch {
        // gone
      }
    }
    return out;
  };
  try {
    const before = read();
    const until = Date.now() + sampleMs;
    while (Date.now() < until) {
      // busy-wait is avoided: a short synchronous sleep
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
    const after = read();
    const busy: string[] = [];
    for (const [pid, a] of after) {
      if (pid === process.pid) continue;
      const b = before.get(pid);
      if (!b) continue;
      const percent = ((a.ticks - b.ticks) / 100 / (sampleMs / 1000)) * 100;
      if (percent >= 10) {
        let cmd = a.name;
        try {
          cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim().slice(0, 80) || a.name;
        } catch {
          // gone
        }
        busy.push(`${cmd} (${Math.round(percent)}%)`);
      }
    }
    return busy;
  } catch {
    return [];
  }
}
