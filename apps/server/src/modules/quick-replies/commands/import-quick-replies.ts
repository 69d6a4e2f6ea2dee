import { QUICK_REPLY_COLUMNS, QUICK_REPLY_LIMITS, type QuickReplyImportResult, type QuickReplyScope } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import type { Language } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordAudit } from '../../audit/index.js';
import { readColumnFile } from '../../imports/index.js';
import { ownerFor, requireScopeEditor } from '../quick-reply.policy.js';
import { insertQuickReplies, listScopeQuickReplies, updateQuickReply, type QuickReplyRow } from '../quick-reply.repository.js';

const REASONS = {
  empty_content: { 'zh-CN': '内容不能为空', en: 'content is empty' },
  content_too_long: {
    'zh-CN': `内容过长（最多 ${QUICK_REPLY_LIMITS.content} 个字）`,
    en: `content is too long (at most ${QUICK_REPLY_LIMITS.content} characters)`,
  },
  code_too_long: {
    'zh-CN': `快捷编码过长（最多 ${QUICK_REPLY_LIMITS.code} 个字）`,
    en: `code is too long (at most ${QUICK_REPLY_LIMITS.code} characters)`,
  },
  group_too_long: {
    'zh-CN': `分组过长（最多 ${QUICK_REPLY_LIMITS.group} 个字）`,
    en: `group is too long (at most ${QUICK_REPLY_LIMITS.group} characters)`,
  },
  code_repeated: { 'zh-CN': '快捷编码「{code}」与第 {line} 行重复', en: 'code "{code}" repeats line {line}' },
  over_limit: { 'zh-CN': '短语数量已达上限（{limit} 条）', en: 'the phrase limit ({limit}) is reached' },
} as const;

/** A cell's text; the apostrophe our CSV export puts before =, +, - or @ (so Excel runs no formula) is taken off. */
function cell(value: string | undefined): string {
  const text = (value ?? '').trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

function reason(key: keyof typeof REASONS, language: Language, params: Record<string, string | number> = {}): string {
  return REASONS[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/**
 * Imports phrases from a CSV or xlsx file (分组, 快捷编码, 内容) into one scope, synchronously.
 * A file that cannot be read is refused whole; bad rows are reported by line and the good ones kept.
 * A code that already exists in the scope updates that phrase (the file is the newer version), a row
 * identical to an existing phrase is left unchanged, and a code repeated inside the file keeps its first row.
 */
export async function importQuickReplies(
  ctx: CommandContext<AgentPrincipal>,
  props: { scope: QuickReplyScope; bytes: Buffer; language: Language },
): Promise<QuickReplyImportResult> {
  const { actor } = ctx;
  requireScopeEditor(actor, props.scope);
  const { language } = props;
  const rows = await readColumnFile(QUICK_REPLY_COLUMNS, props.bytes);
  const db = ctx.app.storage.db;
  const owner = ownerFor(actor, props.scope);
  const existing = await listScopeQuickReplies(db, actor.shopId, props.scope, owner);
  const byCode = new Map(existing.filter((r) => r.code).map((r) => [r.code!, r]));
  const codeless = new Set(existing.filter((r) => !r.code).map((r) => `${r.group_name}\n${r.content}`));
  const limit = props.scope === 'team' ? QUICK_REPLY_LIMITS.teamPhrases : QUICK_REPLY_LIMITS.personalPhrases;
  let room = limit - existing.length;

  const at = ctx.app.now().toISOString();
  const errors: { line: number; message: string }[] = [];
  const creates: QuickReplyRow[] = [];
  const updates: { row: QuickReplyRow; group: string; content: string }[] = [];
  const firstLineOfCode = new Map<string, number>();
  let unchanged = 0;

  for (const { line, values } of rows) {
    const group = cell(values.group);
    const code = cell(values.code);
    const content = cell(values.content);
    const problems: string[] = [];
    if (!content) problems.push(reason('empty_content', language));
    if (content.length > QUICK_REPLY_LIMITS.content) problems.push(reason('content_too_long', language));
    if (code.length > QUICK_REPLY_LIMITS.code) problems.push(reason('code_too_long', language));
    if (group.length > QUICK_REPLY_LIMITS.group) problems.push(reason('group_too_long', language));
    const earlier = code ? firstLineOfCode.get(code) : undefined;
    if (earlier !== undefined) problems.push(reason('code_repeated', language, { code, line: earlier }));
    if (problems.length) {
      errors.push({ line, message: problems.join('；') });
      continue;
    }
    if (code) firstLineOfCode.set(code, line);
    const same = code ? byCode.get(code) : undefined;
    if (same) {
      if (same.group_name === group && same.content === content) unchanged++;
      else updates.push({ row: same, group, content });
      continue;
    }
    if (!code && codeless.has(`${group}\n${content}`)) {
      unchanged++;
      continue;
    }
    if (room <= 0) {
      errors.push({ line, message: reason('over_limit', language, { limit }) });
      continue;
    }
    room--;
    if (!code) codeless.add(`${group}\n${content}`);
    creates.push({
      id: newId(),
      shop_id: actor.shopId,
      scope: props.scope,
      owner_id: owner,
      group_name: group,
      code: code || null,
      content,
      attachment_id: null,
      created_by: actor.agentId,
      created_at: at,
      updated_at: at,
    });
  }

  await db.transaction().execute(async (trx) => {
    await insertQuickReplies(trx, creates);
    for (const u of updates)
      await updateQuickReply(trx, actor.shopId, u.row.id, { group_name: u.group, content: u.content, updated_at: at });
    if (props.scope === 'team' && (creates.length || updates.length)) {
      await recordAudit(trx, {
        shopId: actor.shopId,
        actor: { kind: 'agent', id: actor.agentId, name: actor.name },
        action: 'quick_reply.imported',
        targetType: 'quick_reply',
        targetId: 'team',
        before: null,
        after: { created: creates.length, updated: updates.length, failed: errors.length },
        at,
      });
    }
  });
  return { total: rows.length, created: creates.length, updated: updates.length, unchanged, failed: errors.length, errors };
}
