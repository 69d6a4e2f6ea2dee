import { RESPONSE_BUCKETS, RESPONSE_RULES, type MeasureGrouping } from '@golddesk/contracts';
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import { ROLLUP_SUM_COLUMNS, WITHIN_COLUMNS } from './turn-rollups.js';

/** The rows figures are asked for: a shop's China days [fromDay, toDay], the instants they span, one agent or group. */
export interface FactFilter {
  shopId: string;
  fromDay: string;
  toDay: string;
  /** [fromIso, toIso): the same days as instants, for facts kept by timestamp. */
  fromIso: string;
  toIso: string;
  agentId?: string;
  group?: string;
}

const CAP = RESPONSE_RULES.capSeconds;

/** The column each grouping keys the facts by (the shop's figures are one row). */
function keyOf(by: MeasureGrouping): RawBuilder<string | number | null> {
  if (by === 'agent') return sql`agent_id`;
  if (by === 'group') return sql`group_key`;
  if (by === 'day') return sql`day`;
  if (by === 'hour') return sql`hour`;
  return sql`'shop'`;
}

function filtered<T extends 'response_turns' | 'inquiries' | 'turn_rollups', O>(
  query: SelectQueryBuilder<Database, T, O>,
  filter: FactFilter,
): SelectQueryBuilder<Database, T, O> {
  let q = query
    .where(sql<boolean>`shop_id = ${filter.shopId}`)
    .where(sql<boolean>`day >= ${filter.fromDay}`)
    .where(sql<boolean>`day <= ${filter.toDay}`);
  if (filter.agentId) q = q.where(sql<boolean>`agent_id = ${filter.agentId}`);
  if (filter.group) q = q.where(sql<boolean>`group_key = ${filter.group}`);
  return q;
}

export interface TurnTotals {
  key: string | number | null;
  buyers: number;
  turns: number;
  unanswered: number;
  capped_seconds: number;
  first_turns: number;
  first_seconds: number;
  fast: number;
  buyer_messages: number;
  agent_messages: number;
  /** Answered turns per RESPONSE_BUCKETS bucket, then the slower-or-unanswered count. */
  buckets: number[];
}

/**
 * Response figures from the rollups (a few rows per day, hour, agent and group, however many turns): answered turns
 * count their capped seconds; unanswered ones count the cap once they are that old at `now` — the few younger ones,
 * still pending, are read from the turns of the last minutes and taken out.
 */
export async function sumTurns(db: Queryable, filter: FactFilter, by: MeasureGrouping, now: Date): Promise<TurnTotals[]> {
  const key = keyOf(by);
  const cutoff = new Date(now.getTime() - CAP * 1000).toISOString();
  const [sums, pending] = await Promise.all([
    filtered(db.selectFrom('turn_rollups'), filter)
      .select([key.as('key'), ...ROLLUP_SUM_COLUMNS.map((column) => sql<number>`sum(${sql.ref(column)})`.as(column))])
      .$if(by !== 'shop', (q) => q.groupBy(key))
      .execute(),
    // Only the turns of the last minutes: read through the (shop, started_at) index, the range's days checked after.
    db
      .selectFrom('response_turns')
      .where('shop_id', '=', filter.shopId)
      .where('started_at', '>', cutoff)
      .where('counted', '=', 1)
      .where('response_seconds', 'is', null)
      .where('bot_replied', '=', 0)
      .$if(Boolean(filter.agentId), (q) => q.where('agent_id', '=', filter.agentId!))
      .$if(Boolean(filter.group), (q) => q.where('group_key', '=', filter.group!))
      .select(['day', key.as('key'), sql<number>`count(*)`.as('pending'), sql<number>`sum(first_of_day)`.as('pending_first')])
      .groupBy(['day', ...(by === 'shop' || by === 'day' ? [] : [key])])
      .execute()
      .then((rows) => rows.filter((row) => row.day >= filter.fromDay && row.day <= filter.toDay)),
  ]);
  const pendingOf = new Map<string, { all: number; first: number }>();
  for (const p of pending) {
    const known = pendingOf.get(String(p.key)) ?? { all: 0, first: 0 };
    pendingOf.set(String(p.key), { all: known.all + Number(p.pending), first: known.first + Number(p.pending_first ?? 0) });
  }
  return sums.map((row) => {
    const n = numbers(row as Record<string, unknown>);
    const young = pendingOf.get(String(row.key)) ?? { all: 0, first: 0 };
    const unanswered = n.open_unanswered! - young.all;
    const firstUnanswered = n.first_open! - young.first;
    const within = WITHIN_COLUMNS.map((column) => n[column]!);
    return {
      key: row.key === '' ? null : row.key,
      buyers: n.buyers!,
      turns: n.answered! + unanswered,
      unanswered,
      capped_seconds: n.answered_seconds! + CAP * unanswered,
      first_turns: n.first_answered! + firstUnanswered,
      first_seconds: n.first_answered_seconds! + CAP * firstUnanswered,
      fast: within.slice(0, FAST_BUCKETS).reduce((a, b) => a + b, 0),
      buyer_messages: n.buyer_messages!,
      agent_messages: n.agent_messages!,
      buckets: [...within, n.over_600! + unanswered],
    };
  });
}

/** Buckets up to the fast bound (3 分钟): RESPONSE_BUCKETS' bounds ≤ RESPONSE_RULES.fastSeconds. */
const FAST_BUCKETS = RESPONSE_BUCKETS.filter((bound) => bound <= RESPONSE_RULES.fastSeconds).length;

export interface InquiryTotals {
  key: string | number | null;
  inquiries: number;
  ordered: number;
  paid_same_day: number;
  paid_by_next_day: number;
  paid_final: number;
  paid_fen: number;
}

/** 询单 figures summed in the database: asked, ordered, paid (same day, by the next day, within the window). */
export async function sumInquiries(db: Queryable, filter: FactFilter, by: MeasureGrouping): Promise<InquiryTotals[]> {
  const key = keyOf(by);
  const rows = await filtered(db.selectFrom('inquiries'), filter)
    .select([
      key.as('key'),
      sql<number>`count(*)`.as('inquiries'),
      sql<number>`sum(case when ordered_at is not null then 1 else 0 end)`.as('ordered'),
      sql<number>`sum(paid_same_day)`.as('paid_same_day'),
      sql<number>`sum(paid_by_next_day)`.as('paid_by_next_day'),
      sql<number>`sum(case when paid_at is not null then 1 else 0 end)`.as('paid_final'),
      sql<number>`sum(coalesce(paid_fen, 0))`.as('paid_fen'),
    ])
    .$if(by !== 'shop', (q) => q.groupBy(key))
    .execute();
  return rows.map((r) => ({ ...numbers(r), key: r.key }) as InquiryTotals);
}

/** First reminders (催付) sent in the range, with their order's payment. */
export async function listReminderOutcomes(db: Queryable, filter: FactFilter) {
  return db
    .selectFrom('payment_reminders as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .select(['r.order_id', 'r.buyer_id', 'r.sent_at', 'o.order_no', 'o.paid_at', 'o.total_fen'])
    .where('r.shop_id', '=', filter.shopId)
    .where('r.seq', '=', 1)
    .where('r.sent_at', '>=', filter.fromIso)
    .where('r.sent_at', '<', filter.toIso)
    .orderBy('r.sent_at')
    .execute();
}

/** Cases opened or finished in the range. */
export async function listCaseFacts(db: Queryable, filter: FactFilter) {
  let q = db
    .selectFrom('cases')
    .select(['id', 'case_no', 'type', 'state', 'assignee_id', 'refund_fen', 'created_at', 'closed_at'])
    .where('shop_id', '=', filter.shopId)
    .where((eb) =>
      eb.or([
        eb.and([eb('created_at', '>=', filter.fromIso), eb('created_at', '<', filter.toIso)]),
        eb.and([eb('closed_at', '>=', filter.fromIso), eb('closed_at', '<', filter.toIso)]),
      ]),
    );
  if (filter.agentId) q = q.where('assignee_id', '=', filter.agentId);
  return q.orderBy('created_at').execute();
}

/** Ratings given in the range (rated rows only). */
export async function listRatingFacts(db: Queryable, filter: FactFilter) {
  let q = db
    .selectFrom('satisfaction_ratings')
    .select([
      'id',
      'conversation_id',
      'buyer_id',
      'agent_id',
      'score',
      'reasons_json',
      'comment',
      'rated_at',
      'day',
      'invited_by',
    ])
    .where('shop_id', '=', filter.shopId)
    .where('day', '>=', filter.fromDay)
    .where('day', '<=', filter.toDay)
    .where('score', 'is not', null);
  if (filter.agentId) q = q.where('agent_id', '=', filter.agentId);
  return q.orderBy('rated_at').execute();
}

/** 在线 and 忙碌 periods overlapping the range. */
export async function listOnlinePeriods(db: Queryable, filter: FactFilter) {
  let q = db
    .selectFrom('agent_status_periods')
    .select(['agent_id', 'status', 'started_at', 'ended_at'])
    .where('shop_id', '=', filter.shopId)
    .where('status', 'in', ['online', 'busy'])
    .where('started_at', '<', filter.toIso)
    .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', filter.fromIso)]));
  if (filter.agentId) q = q.where('agent_id', '=', filter.agentId);
  return q.orderBy('started_at').execute();
}

/** The shop's agents (disabled ones too: their past figures stay). */
export async function listAgentNames(
  db: Queryable,
  shopId: string,
): Promise<Map<string, { id: string; name: string; enabled: boolean }>> {
  const rows = await db.selectFrom('agents').select(['id', 'name', 'disabled_at']).where('shop_id', '=', shopId).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, enabled: r.disabled_at === null }]));
}

/** Sums come back as text or bigint on PostgreSQL: read every column but the key as a number. */
function numbers(row: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v ?? 0)]));
}

/** A page of the range's turns (drill-down), oldest first, with the buyer's nick and the agent's name. */
export async function listTurnFacts(
  db: Queryable,
  filter: FactFilter,
  cell: { day?: string; hour?: number },
  page: { limit: number; offset: number },
) {
  let q = filtered(db.selectFrom('response_turns'), filter);
  if (cell.day) q = q.where(sql<boolean>`day = ${cell.day}`);
  if (cell.hour !== undefined) q = q.where(sql<boolean>`hour = ${cell.hour}`);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .select((eb) => [
        eb.selectFrom('buyers').select('nick').whereRef('buyers.id', '=', 'response_turns.buyer_id').as('buyer_nick'),
        eb.selectFrom('agents').select('name').whereRef('agents.id', '=', 'response_turns.agent_id').as('agent_name'),
      ])
      .orderBy('started_at')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

/** A page of the range's inquiries (drill-down), oldest first. */
export async function listInquiryFacts(
  db: Queryable,
  filter: FactFilter,
  cell: { day?: string; hour?: number },
  page: { limit: number; offset: number },
) {
  let q = filtered(db.selectFrom('inquiries'), filter);
  if (cell.day) q = q.where(sql<boolean>`day = ${cell.day}`);
  if (cell.hour !== undefined) q = q.where(sql<boolean>`hour = ${cell.hour}`);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .select((eb) => [
        eb.selectFrom('buyers').select('nick').whereRef('buyers.id', '=', 'inquiries.buyer_id').as('buyer_nick'),
        eb.selectFrom('agents').select('name').whereRef('agents.id', '=', 'inquiries.agent_id').as('agent_name'),
        eb.selectFrom('orders').select('order_no').whereRef('orders.id', '=', 'inquiries.paid_order_id').as('paid_order_no'),
      ])
      .orderBy('first_at')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}
