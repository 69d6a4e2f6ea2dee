// A Vite build step for packages of definitions (the contracts' zod schemas): a bundler cannot prove that
// `z.object({…}).extend({…}).optional()` has no side effects, so every schema of a module the workbench touches stayed
// in the bundle, and with them zod itself (~170 kB). Marking each top-level `const X = <call>` as a pure
// expression lets the bundler drop the definitions nobody imports, as zod's own annotations do for its factories.
import type { Plugin } from 'vite';

interface Node {
  type: string;
  start: number;
  end: number;
}
interface Declarator extends Node {
  init: Node | null;
}
interface Statement extends Node {
  kind?: string;
  declarations?: Declarator[];
  declaration?: Statement | null;
}

/** Initialisers worth wrapping: a call somewhere at the top of the expression (`z.object()`, `Base.extend()`). */
const CALLS = new Set(['CallExpression', 'ChainExpression', 'NewExpression']);

/** Top-level `const` initialisers that are calls, in source order. */
function callInitialisers(body: Statement[]): Node[] {
  const found: Node[] = [];
  for (const statement of body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
    for (const declarator of declaration.declarations ?? []) {
      if (declarator.init && CALLS.has(declarator.init.type)) found.push(declarator.init);
    }
  }
  return found;
}

/**
 * The plugin: in modules whose id matches `include`, `const X = <call>` becomes `const X = /* @__PURE__ *\/ (() =>
 * <call>)()` — the same value, computed at the same moment, but droppable when X is unused. Only for modules whose
 * top-level calls build values and change nothing else.
 */
export function pureDefinitions(include: RegExp): Plugin {
  return {
    name: 'golddesk:pure-definitions',
    apply: 'build',
    enforce: 'post', // after TypeScript is stripped: plain JavaScript to parse
    transform(code, id) {
      if (!include.test(id)) return null;
      const program = this.parse(code) as unknown as { body: Statement[] };
      const inits = callInitialisers(program.body);
      if (!inits.length) return null;
      let out = '';
      let at = 0;
      for (const init of inits) {
        out += `${code.slice(at, init.start)}/* @__PURE__ */ (() => ${code.slice(init.start, init.end)})()`;
        at = init.end;
      }
      return { code: out + code.slice(at), map: null };
    },
  };
}
