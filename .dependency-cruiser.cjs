/**
 * Module boundaries (issue 10): each server and workbench module is entered only through its index.ts, and no
 * import cycles anywhere in the apps. `npm run lint` runs this after ESLint; CI fails on any violation.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle ties modules together so neither can change alone: move the shared piece down.',
      from: { path: '^(apps|packages)/' },
      to: { circular: true },
    },
    {
      name: 'server-module-door',
      severity: 'error',
      comment: 'Another server module is entered only through its index.ts (its one public door).',
      from: { path: '^apps/server/src/modules/([^/]+)/' },
      to: {
        path: '^apps/server/src/modules/([^/]+)/.+',
        pathNot: ['^apps/server/src/modules/$1/', '^apps/server/src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'server-root-uses-doors',
      severity: 'error',
      comment: 'The composition root (app.ts, main.ts) wires modules through their doors too.',
      from: { path: '^apps/server/src/[^/]+\\.ts$' },
      to: { path: '^apps/server/src/modules/[^/]+/.+', pathNot: '^apps/server/src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'platform-knows-no-module',
      severity: 'error',
      comment: 'platform/ is infrastructure without business rules: it never imports a domain module.',
      from: { path: '^apps/(server|workbench)/src/platform/' },
      to: { path: '^apps/(server|workbench)/src/modules/' },
    },
    {
      name: 'workbench-module-door',
      severity: 'error',
      comment: 'Another workbench module is entered only through its index.ts.',
      from: { path: '^apps/workbench/src/modules/([^/]+)/' },
      to: {
        path: '^apps/workbench/src/modules/([^/]+)/.+',
        pathNot: ['^apps/workbench/src/modules/$1/', '^apps/workbench/src/modules/[^/]+/index\\.tsx?$'],
      },
    },
    {
      name: 'workbench-app-uses-doors',
      severity: 'error',
      comment: 'The workbench shell (app/) enters modules through their doors too.',
      from: { path: '^apps/workbench/src/app/' },
      to: { path: '^apps/workbench/src/modules/[^/]+/.+', pathNot: '^apps/workbench/src/modules/[^/]+/index\\.tsx?$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
