import type { Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export type AutoReplyRow = Selectable<Database['auto_reply_rules']>;

/** The kind's own numbers, kept in params_json. */
export interface AutoReplyParams {
  afterHours: number;
  maxQueue: number;
  maxWaitSeconds: number;
  delaySeconds: number;
}

export const DEFAULT_PARAMS: AutoReplyParams = { afterHours: 0, maxQueue: 10, maxWaitSeconds: 0, delaySeconds: 60 };

export function paramsOf(row: AutoReplyRow): AutoReplyParams {
  try {
    return { ...DEFAULT_PARAMS, ...(JSON.parse(row.params_json) as Partial<AutoReplyParams>) };
  } catch {
    return DEFAULT_PARAMS;
  }
}

export function keywordsOf(row: AutoReplyRow): string[] {
  try {
    const value = JSON.parse(row.keywords_json) as unknown;
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/** Every rule of the shop: by kind, then priority (lower first), then age. */
export async function listRules(db: Queryable, shopId: string): Promise<AutoReplyRow[]> {
  return db
    .selectFrom('auto_reply_rules')
    .selectAll()
    .where('shop_id', '=', shopId)
    .orderBy('kind')
    .orderBy('priority')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function listEnabledRules(db: Queryable, shopId: string): Promise<AutoReplyRow[]> {
  return db
    .selectFrom('auto_reply_rules')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('enabled', '=', 1)
    .orderBy('priority')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findRule(db: Queryable, shopId: string, id: string) {
  return db.selectFrom('auto_reply_rules').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
}

export interface RuleHitCounts {
  hits: number;
  lastHitAt: string | null;
  byDay: Map<string, number>;
}

/** Hits per rule of the shop: total, last, and per China-time day since `sinceDay`. */
export async function hitCounts(db: Queryable, shopId: string, sinceDay: string): Promise<Map<string, RuleHitCounts>> {
  const totals = await db
    .selectFrom('auto_reply_hits')
    .select((eb) => ['rule_id', eb.fn.countAll().as('hits'), eb.fn.max('fired_at').as('last')])
    .where('shop_id', '=', shopId)
    .groupBy('rule_id')
    .execute();
  const days = await db
    .selectFrom('auto_reply_hits')
    .select((eb) => ['rule_id', 'day', eb.fn.countAll().as('hits')])
    .where('shop_id', '=', shopId)
    .where('day', '>=', sinceDay)
    .groupBy(['rule_id', 'day'])
    .execute();
  const out = new Map<string, RuleHitCounts>();
  for (const row of totals)
    out.set(row.rule_id, { hits: Number(row.hits), lastHitAt: (row.last as string | null) ?? null, byDay: new Map() });
  for (const row of days) out.get(row.rule_id)?.byDay.set(row.day, Number(row.hits));
  return out;
}

/** Stores new rules. */
export async function insertRules(db: Queryable, rows: AutoReplyRow[]) {
  await db.insertInto('auto_reply_rules').values(rows).execute();
}

/** Changes a rule of the shop. */
export async function updateRule(db: Queryable, shopId: string, id: string, changes: Partial<AutoReplyRow>) {
  await db.updateTable('auto_reply_rules').set(changes).where('id', '=', id).where('shop_id', '=', shopId).execute();
}

/** Deletes a rule of the shop with its hit history and its pending delayed replies. */
export async function deleteRuleWithHistory(db: Queryable, shopId: string, id: string) {
  await db.deleteFrom('auto_reply_rules').where('id', '=', id).where('shop_id', '=', shopId).execute();
  await db.deleteFrom('auto_reply_hits').where('rule_id', '=', id).where('shop_id', '=', shopId).execute();
  await db.deleteFrom('auto_reply_pending').where('rule_id', '=', id).where('shop_id', '=', shopId).execute();
}

export type PendingReplyRow = Selectable<Database['auto_reply_pending']>;

/** Up to 100 pending delayed replies due by `at` (ISO), earliest first. */
export async function listDueDelayedReplies(db: Queryable, at: string): Promise<PendingReplyRow[]> {
  return db
    .selectFrom('auto_reply_pending')
    .selectAll()
    .where('status', '=', 'pending')
    .where('due_at', '<=', at)
    .orderBy('due_at')
    .limit(100)
    .execute();
}

/** Whether any pending delayed reply is due by `at` (ISO). */
export async function hasDueDelayedReply(db: Queryable, at: string): Promise<boolean> {
  const due = await db
    .selectFrom('auto_reply_pending')
    .select('id')
    .where('status', '=', 'pending')
    .where('due_at', '<=', at)
    .limit(1)
    .executeTakeFirst();
  return !!due;
}

/** Claims a pending delayed reply by moving its due time from `dueAt` to `leaseUntil`; false when another process won. */
export async function claimDelayedReply(db: Queryable, id: string, dueAt: string, leaseUntil: string): Promise<boolean> {
  const claim = await db
    .updateTable('auto_reply_pending')
    .set({ due_at: leaseUntil })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('due_at', '=', dueAt)
    .executeTakeFirst();
  return Number(claim.numUpdatedRows) === 1;
}

/** Records how a delayed reply ended (sent, answered, skipped). */
export async function setDelayedReplyStatus(db: Queryable, id: string, status: string) {
  await db.updateTable('auto_reply_pending').set({ status }).where('id', '=', id).execute();
}

/** Whether the rule already has a pending delayed reply in the conversation. */
export async function hasPendingDelayedReply(db: Queryable, conversationId: string, ruleId: string): Promise<boolean> {
  const waiting = await db
    .selectFrom('auto_reply_pending')
    .select('id')
    .where('conversation_id', '=', conversationId)
    .where('rule_id', '=', ruleId)
    .where('status', '=', 'pending')
    .limit(1)
    .executeTakeFirst();
  return !!waiting;
}

/** Schedules a delayed reply; nothing when one exists for the same rule and buyer message. */
export async function insertDelayedReply(db: Queryable, row: PendingReplyRow) {
  await db
    .insertInto('auto_reply_pending')
    .values(row)
    .onConflict((oc) => oc.columns(['rule_id', 'trigger_message_id']).doNothing())
    .execute();
}
