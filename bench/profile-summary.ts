/**
 * Reads a V8 .cpuprofile (from `node --cpu-prof`) and lists where self time went, by function and by
 * package/area, so a run with --cpu-prof says what to optimise.
 *
 * Standalone: node --import tsx bench/profile-summary.ts <file.cpuprofile> [top]
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalMs: number;
  byFunction: { name: string; ms: number; percent: number }[];
  byArea: { area: string; ms: number; percent: number }[];
}

function areaOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native/builtin)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const app = /apps\/server\/src\/(.+?)\/[^/]+$/.exec(url);
  if (app) return `server:${app[1]}`;
  const pkg = /packages\/([^/]+)/.exec(url);
  if (pkg) return `@golddesk/${pkg[1]}`;
  if (url.startsWith('node:')) return url.split('/')[0]!;
  return url
    .replace(/^file:\/\//, '')
    .split('/')
    .slice(-2)
    .join('/');
}

export function summariseProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const totalUs = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const area = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const short = url
      ? `${url
          .replace(/^file:\/\//, '')
          .replace(/^.*node_modules\//, '')
          .replace(/^.*\/work\/main\//, '')}:${lineNumber + 1}`
      : '';
    const key = `${functionName || '(anonymous)'} ${short}`.trim();
    fn.set(key, (fn.get(key) ?? 0) + us);
    const a = areaOf(url, functionName);
    area.set(a, (area.get(a) ?? 0) + us);
  }
  const rank = <K extends string>(m: Map<string, number>, label: K) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([name, us]) =>
          ({ [label]: name, ms: us / 1000, percent: (us / totalUs) * 100 }) as { ms: number; percent: number } & Record<
            K,
            string
          >,
      );
  return { totalMs: totalUs / 1000, byFunction: rank(fn, 'name'), byArea: rank(area, 'area') };
}

export function printProfile(summary: ProfileSummary) {
  console.log(`  profile: ${(summary.totalMs / 1000).toFixed(1)} s sampled`);
  console.log('  by area (self time):');
  for (const a of summary.byArea) console.log(`    ${a.percent.toFixed(1).padStart(5)}%  ${a.area}`);
  console.log('  by function (self time):');
  for (const f of summary.byFunction) console.log(`    ${f.percent.toFixed(1).padStart(5)}%  ${f.name}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node --import tsx bench/profile-summary.ts <file.cpuprofile> [top]');
    process.exit(1);
  }
  printProfile(summariseProfile(file, Number(process.argv[3] ?? 30)));
}
