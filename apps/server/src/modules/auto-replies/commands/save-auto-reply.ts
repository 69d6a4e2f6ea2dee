import {
  AutoReplyInput,
  MAX_KEYWORDS,
  normaliseForKeywords,
  SINGLE_AUTO_REPLY_KINDS,
  type AutoReplyRule,
} from '@golddesk/contracts';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { newId } from '../../../platform/ids.js';
import { recordAudit } from '../../audit/index.js';
import { forgetEnabledRules } from '../auto-reply-memory.js';
import { presentRule, statsDays } from '../auto-reply.presenter.js';
import {
  deleteRuleWithHistory,
  findRule,
  hitCounts,
  insertRules,
  keywordsOf,
  listRules,
  paramsOf,
  updateRule,
  type AutoReplyRow,
} from '../auto-reply.repository.js';

export const MAX_AUTO_REPLY_RULES = 50;

const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  welcome: { zh: '欢迎语', en: 'welcome' },
  offline: { zh: '离线回复', en: 'offline' },
  busy: { zh: '忙碌回复', en: 'busy' },
  delayed: { zh: '延时回复', en: 'delayed' },
  keyword: { zh: '关键词回复', en: 'keyword' },
};

export interface SaveAutoReplyProps {
  /** Absent: a new rule. */
  id?: string;
  input: z.infer<typeof AutoReplyInput>;
}

/**
 * Creates or changes a rule (owner, manager). Welcome, offline, busy and delayed are one per shop; a keyword rule
 * needs 1–10 distinct keywords (compared the way buyer text is: case and full/half width ignored). Audited.
 */
export async function saveAutoReply(ctx: CommandContext<AgentPrincipal>, props: SaveAutoReplyProps): Promise<AutoReplyRule> {
  const { app, actor } = ctx;
  requireCapability(actor, 'auto_replies.edit');
  const input = props.input;
  const keywords =
    input.kind === 'keyword'
      ? [...new Map(input.keywords.map((k) => [normaliseForKeywords(k), k.trim()])).values()].filter(Boolean)
      : [];
  if (input.kind === 'keyword' && keywords.length === 0)
    throw new AppError('auto_reply_keywords_required', { limit: MAX_KEYWORDS });
  const now = app.now().toISOString();
  const row = await app.storage.db.transaction().execute(async (trx) => {
    const rules = await listRules(trx, actor.shopId);
    const before = props.id ? rules.find((r) => r.id === props.id) : undefined;
    if (props.id && !before) throw new AppError('not_found', { thing: 'auto_reply' });
    if (before && before.kind !== input.kind) throw new AppError('invalid_input', { detail: '规则类型不能修改' });
    if (!before) {
      if (rules.length >= MAX_AUTO_REPLY_RULES) throw new AppError('too_many_auto_replies', { limit: MAX_AUTO_REPLY_RULES });
      if (SINGLE_AUTO_REPLY_KINDS.includes(input.kind) && rules.some((r) => r.kind === input.kind)) {
        throw new AppError('auto_reply_kind_exists', { kind: KIND_NAMES[input.kind]!.zh, kindEn: KIND_NAMES[input.kind]!.en });
      }
    }
    const next: AutoReplyRow = {
      id: before?.id ?? newId(),
      shop_id: actor.shopId,
      kind: input.kind,
      name: input.name,
      enabled: input.enabled ? 1 : 0,
      priority: input.priority,
      keywords_json: JSON.stringify(keywords),
      match_mode: input.match,
      text: input.text,
      cooldown_minutes: input.cooldownMinutes,
      params_json: JSON.stringify({
        afterHours: input.afterHours,
        maxQueue: input.maxQueue,
        maxWaitSeconds: input.maxWaitSeconds,
        delaySeconds: input.delaySeconds,
      }),
      created_at: before?.created_at ?? now,
      updated_at: now,
    };
    if (before) {
      const { id: _id, shop_id: _shop, created_at: _created, ...changes } = next;
      await updateRule(trx, actor.shopId, before.id, changes);
    } else {
      await insertRules(trx, [next]);
    }
    await recordAudit(trx, {
      shopId: actor.shopId,
      actor: { kind: 'agent', id: actor.agentId, name: actor.name },
      action: before ? 'auto_reply.updated' : 'auto_reply.created',
      targetType: 'auto_reply',
      targetId: next.id,
      before: before ? auditView(before) : null,
      after: auditView(next),
      at: now,
    });
    return next;
  });
  forgetEnabledRules(app, actor.shopId);
  return presentSaved(ctx, row);
}

/** Deletes a rule (owner, manager), audited; its hit history goes with it. */
export async function deleteAutoReply(ctx: CommandContext<AgentPrincipal>, id: string): Promise<void> {
  const { app, actor } = ctx;
  requireCapability(actor, 'auto_replies.edit');
  const now = app.now().toISOString();
  await app.storage.db.transaction().execute(async (trx) => {
    const before = await findRule(trx, actor.shopId, id);
    if (!before) throw new AppError('not_found', { thing: 'auto_reply' });
    await deleteRuleWithHistory(trx, actor.shopId, id);
    await recordAudit(trx, {
      shopId: actor.shopId,
      actor: { kind: 'agent', id: actor.agentId, name: actor.name },
      action: 'auto_reply.deleted',
      targetType: 'auto_reply',
      targetId: id,
      before: auditView(before),
      after: null,
      at: now,
    });
  });
  forgetEnabledRules(app, actor.shopId);
}

async function presentSaved(ctx: CommandContext<AgentPrincipal>, row: AutoReplyRow): Promise<AutoReplyRule> {
  const now = ctx.app.now();
  const days = statsDays(now);
  const counts = await hitCounts(ctx.app.storage.db, ctx.actor.shopId, days[0]!);
  return presentRule(row, counts.get(row.id), days);
}

function auditView(row: AutoReplyRow): Record<string, unknown> {
  return {
    kind: row.kind,
    name: row.name,
    enabled: Number(row.enabled) === 1,
    priority: Number(row.priority),
    keywords: keywordsOf(row),
    match: row.match_mode,
    text: row.text,
    cooldownMinutes: Number(row.cooldown_minutes),
    ...paramsOf(row),
  };
}
