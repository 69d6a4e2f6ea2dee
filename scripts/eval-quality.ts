/**
 * `npm run eval:quality`: runs the built-in 质检 phrase rules on every agent line of the JDDC 2019 sample (real JD.com
 * customer-service chats, ../shared/data/jddc2019-sample beside the repository) and prints how many lines they flag,
 * per rule, with the flagged lines for review. Real agents are mostly polite, so what is flagged bounds the false
 * positives from above: the run fails when more than 2% of the lines are flagged.
 *
 * Sessions whose id starts with 0–7 were read while the rules were written; those starting with 8–f are held out
 * and never looked at for tuning (../shared/data/README.md): both halves are reported.
 *
 * Options: --all prints every flagged line (default: up to 60); --rules FILE runs a shop's rules (a JSON array, or
 * {"rules":[…]} as GET /api/v1/quality/rules answers) instead of the built-in ones.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPhrasing, DEFAULT_QUALITY_RULES, isPhraseRule, QualityRules, type QualityRule } from '@golddesk/contracts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(ROOT, '../shared/data/jddc2019-sample');
const CHAT = path.join(DATA, 'chat_0.1per.txt');
const MAX_FLAGGED_SHARE = 0.02;
const SAMPLE = 60;

interface AgentLine {
  session: string;
  text: string;
  heldOut: boolean;
}

function readAgentLines(): AgentLine[] {
  if (!fs.existsSync(CHAT)) {
    console.error(`eval:quality needs the JDDC 2019 sample at ${CHAT}`);
    console.error('(../shared/data/jddc2019-sample beside the repository: see its SOURCE.md). It is not part of the repository.');
    process.exit(2);
  }
  // TSV: session_id, user_id, is_agent, is_transferred, is_repeat, sku, text.
  return fs
    .readFileSync(CHAT, 'utf8')
    .split('\n')
    .map((row) => row.split('\t'))
    .filter((columns) => columns.length >= 7 && columns[2] === '1')
    .map((columns) => ({
      session: columns[0]!,
      text: columns.slice(6).join('\t').trim(),
      heldOut: /^[89a-f]/i.test(columns[0]!),
    }))
    .filter((line) => line.text.length > 0);
}

function readRules(): QualityRule[] {
  const at = process.argv.indexOf('--rules');
  if (at === -1) return DEFAULT_QUALITY_RULES;
  const file = process.argv[at + 1];
  if (!file) throw new Error('--rules needs a file');
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  return QualityRules.parse(Array.isArray(json) ? json : (json as { rules: unknown }).rules);
}

/** The line with each hit in 【】 and the rule after it. */
function marked(text: string, hits: ReturnType<typeof checkPhrasing>): string {
  let out = '';
  let at = 0;
  for (const hit of hits) {
    if (hit.span[0] < at) continue;
    out += `${text.slice(at, hit.span[0])}【${text.slice(...hit.span)}】(${hit.rule})`;
    at = hit.span[1];
  }
  return out + text.slice(at);
}

const percent = (part: number, whole: number) => `${((part / Math.max(whole, 1)) * 100).toFixed(2)}%`;

function main() {
  const rules = readRules();
  const phraseRules = rules.filter((rule) => rule.enabled && isPhraseRule(rule));
  const lines = readAgentLines();
  const flagged = lines.flatMap((line) => {
    const hits = checkPhrasing(line.text, rules);
    return hits.length ? [{ line, hits }] : [];
  });

  console.log(`质检 rules on JDDC 2019 agent lines — ${new Date().toISOString().slice(0, 10)}`);
  console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'} (${os.cpus().length} cores), Node ${process.version}`);
  console.log(`rules: ${phraseRules.map((rule) => rule.id).join(', ')} (conversation rules need timestamps: not run)\n`);
  for (const [label, part] of [
    ['sessions 0–7 (read while tuning)', lines.filter((line) => !line.heldOut)],
    ['sessions 8–f (held out)', lines.filter((line) => line.heldOut)],
    ['all', lines],
  ] as const) {
    const hits = flagged.filter((found) => part.includes(found.line));
    console.log(
      `${label.padEnd(36)} ${String(part.length).padStart(5)} lines, ${hits.length} flagged (${percent(hits.length, part.length)})`,
    );
  }

  console.log('\nper rule (lines):');
  for (const rule of phraseRules) {
    const count = flagged.filter((found) => found.hits.some((hit) => hit.rule === rule.id)).length;
    console.log(`  ${rule.id.padEnd(18)} ${String(count).padStart(4)}`);
  }

  const shown = process.argv.includes('--all') ? flagged : flagged.slice(0, SAMPLE);
  console.log(
    `\nflagged lines${shown.length < flagged.length ? ` (first ${shown.length} of ${flagged.length}; --all for every one)` : ''}:`,
  );
  for (const { line, hits } of shown) {
    console.log(`  ${line.heldOut ? 'H' : 'T'} ${line.session.slice(0, 8)}  ${marked(line.text, hits).slice(0, 160)}`);
  }

  const share = flagged.length / Math.max(lines.length, 1);
  console.log(`\n${flagged.length} of ${lines.length} agent lines flagged: ${percent(flagged.length, lines.length)}`);
  if (share > MAX_FLAGGED_SHARE) {
    console.log(`more than ${MAX_FLAGGED_SHARE * 100}% flagged: review the lines above for false positives`);
    process.exitCode = 1;
  }
}

main();
