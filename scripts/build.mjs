// Builds the workbench and the widget. With --if-needed (used by `npm start`), skips a build whose
// output is newer than every source file, so a second start is instant. The outputs include the .br/.gz files the
// build writes next to its files (scripts/vite/precompress.ts): a dist built before them is built again.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ifNeeded = process.argv.includes('--if-needed');
const apps = [
  {
    name: 'workbench',
    outputs: ['apps/workbench/dist/index.html', 'apps/workbench/dist/index.html.br', 'apps/workbench/dist/index.html.gz'],
    sources: [
      'apps/workbench/src',
      'apps/workbench/index.html',
      'apps/workbench/vite.config.ts',
      'apps/workbench/package.json',
      'packages/contracts/src',
      'scripts/vite',
    ],
  },
  {
    name: 'widget',
    outputs: ['golddesk-widget.js', 'demo-shop.html'].flatMap((file) =>
      ['', '.br', '.gz'].map((suffix) => `apps/widget/dist/${file}${suffix}`),
    ),
    sources: [
      'apps/widget/src',
      'apps/widget/demo-shop.html',
      'apps/widget/vite.config.ts',
      'apps/widget/package.json',
      'packages/contracts/src',
      'scripts/vite',
    ],
  },
];

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(target).map((entry) => newestMtime(path.join(target, entry))));
}

for (const app of apps) {
  const outputs = app.outputs.map((output) => path.join(root, output));
  if (ifNeeded && outputs.every((output) => fs.existsSync(output))) {
    const built = Math.min(...outputs.map((output) => fs.statSync(output).mtimeMs));
    if (app.sources.every((source) => newestMtime(path.join(root, source)) <= built)) continue;
  }
  console.log(`building ${app.name}…`);
  const result = spawnSync('npm', ['run', 'build', '-w', `apps/${app.name}`], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
