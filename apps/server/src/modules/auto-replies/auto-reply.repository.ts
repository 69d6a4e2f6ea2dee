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
