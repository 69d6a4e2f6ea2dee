import { sql, type ExpressionBuilder } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import type { HitRow, InspectedMessage, SessionRow } from './quality-sessions.js';

/** The SQL of 质检 results: sessions and their hits (reviews: quality-review.repository.ts). */

// The farewell line 结束 writes (a system message coded conversation.closed), as the 满意度 sessions find it.
const FAREWELL_PATTERN = '%"code":"conversation.closed"%';
const CHUNK = 200;

/** Each conversation's latest session (the one new messages fold into). */
export async function findLatestSessions(db: Queryable, conversationIds: string[]): Promise<Map<string, SessionRow>> {
  const latest = new Map<string, SessionRow>();
  if (conversationIds.length === 0) return latest;
  const rows = await db
    .selectFrom('quality_sessions as q')
    .selectAll('q')
    .where('q.conversation_id', 'in', conversationIds)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('quality_sessions as later')
            .select('later.id')
            .whereRef('later.conversation_id', '=', 'q.conversation_id')
            .whereRef('later.start_seq', '>', 'q.start_seq'),
        ),
      ),
    )
    .execute();
  for (const row of rows) latest.set(row.conversation_id, numeric(row));
  return latest;
}

/** The buyers of conversations (a first session needs them). */
export async function findConversationBuyers(db: Queryable, conversationIds: string[]): Promise<Map<string, string>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db.selectFrom('conversations').select(['id', 'buyer_id']).where('id', 'in', conversationIds).execute();
  return new Map(rows.map((row) => [row.id, row.buyer_id]));
}

/** The seqs of the 结束 lines of these conversations, ascending. */
export async function listFarewellSeqs(db: Queryable, conversationIds: string[]): Promise<Map<string, number[]>> {
  const found = new Map<string, number[]>();
  if (conversationIds.length === 0) return found;
  const rows = await db
    .selectFrom('messages')
    .select(['conversation_id', 'seq'])
    .where('conversation_id', 'in', conversationIds)
    .where('sender', '=', 'system')
    .where('payload', 'like', FAREWELL_PATTERN)
    .orderBy('seq')
    .execute();
  for (const row of rows) found.set(row.conversation_id, [...(found.get(row.conversation_id) ?? []), Number(row.seq)]);
  return found;
}

/**
 * Writes sessions as folded. A row already there is replaced only by a state at least as far along (its last_seq), so
 * a batch that read a session before a re-inspection rewrote it cannot put the older state back.
 */
export async function upsertSessions(db: Queryable, rows: SessionRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('quality_sessions')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            last_seq: eb.ref('excluded.last_seq'),
            last_at: eb.ref('excluded.last_at'),
            ended_at: eb.ref('excluded.ended_at'),
            closed: eb.ref('excluded.closed'),
            agent_id: eb.ref('excluded.agent_id'),
            replies: eb.ref('excluded.replies'),
            waiting_since: eb.ref('excluded.waiting_since'),
            last_reply_id: eb.ref('excluded.last_reply_id'),
            last_reply_length: eb.ref('excluded.last_reply_length'),
            last_reply_quote: eb.ref('excluded.last_reply_quote'),
            closing_rules: eb.ref('excluded.closing_rules'),
            hit_count: eb.ref('excluded.hit_count'),
            points: eb.ref('excluded.points'),
            score: eb.ref('excluded.score'),
          }))
          .where('quality_sessions.last_seq', '<=', (eb) => eb.ref('excluded.last_seq')),
      )
      .execute();
  }
}

/** Records hits; one already recorded (the same message, rule and place) is kept as it was. */
export async function insertHits(db: Queryable, rows: HitRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('quality_hits')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['message_id', 'rule_id', 'span_start']).doNothing())
      .execute();
  }
}

/** A page of a shop's conversations (by id), for re-inspection. */
export async function listConversationPage(db: Queryable, shopId: string, afterId: string, limit: number) {
  return db
    .selectFrom('conversations')
    .select(['id', 'buyer_id'])
    .where('shop_id', '=', shopId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Every stored message of these conversations as the inspection reads them, in order. */
export async function listInspectedMessages(db: Queryable, conversationIds: string[]) {
  const rows = await db
    .selectFrom('messages')
    .select(['id', 'conversation_id', 'seq', 'sender', 'agent_id', 'kind', 'body', 'payload', 'created_at'])
    .where('conversation_id', 'in', conversationIds)
    .orderBy('conversation_id')
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    conversationId: row.conversation_id,
    message: {
      id: row.id,
      seq: Number(row.seq),
      sender: row.sender as InspectedMessage['sender'],
      agentId: row.agent_id,
      text: row.kind === 'text' ? row.body : '',
      createdAt: row.created_at,
      farewell: row.sender === 'system' && (row.payload ?? '').includes('"code":"conversation.closed"'),
    } satisfies InspectedMessage,
  }));
}

/** Forgets the sessions and hits of these conversations before they are inspected again (reviews stay). */
export async function deleteInspections(db: Queryable, conversationIds: string[]): Promise<void> {
  await db.deleteFrom('quality_hits').where('conversation_id', 'in', conversationIds).execute();
  await db.deleteFrom('quality_sessions').where('conversation_id', 'in', conversationIds).execute();
}

/** Which sessions a list shows: a shop's, started on China days in a range, answered by an agent. */
export interface SessionFilter {
  shopId: string;
  fromDay: string;
  toDay: string;
  agentId?: string;
}

/** A session with its buyer's nick and agent's name. */
export type SessionRecord = SessionRow & { buyer_nick: string | null; agent_name: string | null };

function sessionQuery(db: Queryable, filter: SessionFilter) {
  let query = db
    .selectFrom('quality_sessions as q')
    .leftJoin('buyers as b', 'b.id', 'q.buyer_id')
    .leftJoin('agents as a', 'a.id', 'q.agent_id')
    .where('q.shop_id', '=', filter.shopId)
    .where('q.day', '>=', filter.fromDay)
    .where('q.day', '<=', filter.toDay)
    .where('q.replies', '>', 0);
  if (filter.agentId) query = query.where('q.agent_id', '=', filter.agentId);
  return query;
}

type SessionBuilder = ExpressionBuilder<Database & { q: Database['quality_sessions'] }, 'q'>;

/**
 * The buyer's rating (满意度) of a session: the rating of the service session it belongs to (or of one that starts
 * where it starts), when this is the part the invitation came in: the last part of its service session that had
 * started by then (a quiet spell cuts a service session into parts).
 */
function ratingsOf(eb: SessionBuilder) {
  return eb
    .selectFrom('satisfaction_ratings as r')
    .whereRef('r.conversation_id', '=', 'q.conversation_id')
    .where((inner) =>
      inner.or([
        inner('r.session_key', '=', inner.ref('q.service_key')),
        inner('r.session_key', '=', sql<string>`'from:' || q.start_seq`),
      ]),
    )
    .whereRef('r.invited_at', '>=', 'q.started_at')
    .where('r.score', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('quality_sessions as later')
            .select('later.id')
            .whereRef('later.conversation_id', '=', 'q.conversation_id')
            .whereRef('later.service_key', '=', 'q.service_key')
            .whereRef('later.start_seq', '>', 'q.start_seq')
            .whereRef('later.started_at', '<=', 'r.invited_at'),
        ),
      ),
    );
}

// Rated 不满意 or worse.
function badlyRated(eb: SessionBuilder) {
  return eb.exists(ratingsOf(eb).select('r.id').where('r.score', '<=', 2));
}

/** A sample of sessions: at random, lowest score first, or badly rated (newest first). */
export async function listSampleSessions(
  db: Queryable,
  filter: SessionFilter,
  sample: 'random' | 'low_score' | 'bad_rating',
  limit: number,
): Promise<SessionRecord[]> {
  let query = sessionQuery(db, filter).selectAll('q').select(['b.nick as buyer_nick', 'a.name as agent_name']);
  if (sample === 'bad_rating') query = query.where((eb) => badlyRated(eb)).orderBy('q.started_at', 'desc');
  else if (sample === 'low_score') query = query.orderBy('q.score').orderBy('q.started_at', 'desc');
  // random() is the same function on SQLite and PostgreSQL.
  else query = query.orderBy(sql`random()`);
  const rows = await query.orderBy('q.id').limit(limit).execute();
  return rows.map(numeric);
}

/** The newest sessions of the filter (an agent's own page). */
export async function listNewestSessions(db: Queryable, filter: SessionFilter, limit: number): Promise<SessionRecord[]> {
  const rows = await sessionQuery(db, filter)
    .selectAll('q')
    .select(['b.nick as buyer_nick', 'a.name as agent_name'])
    .orderBy('q.started_at', 'desc')
    .orderBy('q.id')
    .limit(limit)
    .execute();
  return rows.map(numeric);
}

/** How many sessions the filter holds and their mean score (every one, not a page). */
export async function summariseSessions(
  db: Queryable,
  filter: SessionFilter,
  sample?: 'random' | 'low_score' | 'bad_rating',
): Promise<{ sessions: number; scoreSum: number }> {
  let query = sessionQuery(db, filter).select((eb) => [
    eb.fn.countAll<string | number>().as('sessions'),
    eb.fn.sum<string | number | null>('q.score').as('score_sum'),
  ]);
  if (sample === 'bad_rating') query = query.where((eb) => badlyRated(eb));
  const row = await query.executeTakeFirstOrThrow();
  return { sessions: Number(row.sessions), scoreSum: Number(row.score_sum ?? 0) };
}

/** The reviews of sessions in the filter: how many sessions were reviewed and the mean of each one's latest total. */
export async function summariseReviews(
  db: Queryable,
  filter: SessionFilter,
  sample?: 'random' | 'low_score' | 'bad_rating',
): Promise<{ reviewed: number; totalSum: number }> {
  let query = sessionQuery(db, filter)
    .innerJoin('quality_reviews as v', 'v.session_id', 'q.id')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('quality_reviews as newer')
            .select('newer.id')
            .whereRef('newer.session_id', '=', 'v.session_id')
            .where((eb) =>
              eb.or([
                eb('newer.updated_at', '>', eb.ref('v.updated_at')),
                eb.and([eb('newer.updated_at', '=', eb.ref('v.updated_at')), eb('newer.id', '>', eb.ref('v.id'))]),
              ]),
            ),
        ),
      ),
    )
    .select((eb) => [
      eb.fn.countAll<string | number>().as('reviewed'),
      eb.fn.sum<string | number | null>('v.total').as('total_sum'),
    ]);
  if (sample === 'bad_rating') query = query.where((eb) => badlyRated(eb));
  const row = await query.executeTakeFirstOrThrow();
  return { reviewed: Number(row.reviewed), totalSum: Number(row.total_sum ?? 0) };
}

/** One session of the shop, with names. */
export async function findSessionRecord(db: Queryable, shopId: string, id: string): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom('quality_sessions as q')
    .leftJoin('buyers as b', 'b.id', 'q.buyer_id')
    .leftJoin('agents as a', 'a.id', 'q.agent_id')
    .selectAll('q')
    .select(['b.nick as buyer_nick', 'a.name as agent_name'])
    .where('q.shop_id', '=', shopId)
    .where('q.id', '=', id)
    .executeTakeFirst();
  return row ? numeric(row) : undefined;
}

/** The hits of sessions, in the order of the chat. */
export async function listSessionHits(db: Queryable, sessionIds: string[]): Promise<HitRow[]> {
  if (sessionIds.length === 0) return [];
  const rows = await db
    .selectFrom('quality_hits')
    .selectAll()
    .where('session_id', 'in', sessionIds)
    .orderBy('at')
    .orderBy('span_start')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    ...row,
    span_start: Number(row.span_start),
    span_end: Number(row.span_end),
    points: Number(row.points),
  }));
}

/** The buyer's rating of each of these sessions that has one (see ratingsOf). */
export async function listSessionRatings(db: Queryable, sessionIds: string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('quality_sessions as q')
    .where('q.id', 'in', sessionIds)
    .select((eb) => ['q.id', ratingsOf(eb).select('r.score').orderBy('r.invited_at', 'desc').limit(1).as('score')])
    .execute();
  return new Map(rows.filter((row) => row.score !== null).map((row) => [row.id, Number(row.score)]));
}

/** The messages of a session (its first to its last seq), up to `limit`. */
export async function listSessionMessages(db: Queryable, conversationId: string, fromSeq: number, toSeq: number, limit: number) {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('seq', '>=', fromSeq)
    .where('seq', '<=', toSeq)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
}

/** Set once a shop's history was inspected (the value: when); kept in the settings table, one row per shop. */
const historyKey = (shopId: string) => `quality.inspected:${shopId}`;

export async function wasHistoryInspected(db: Queryable, shopId: string): Promise<boolean> {
  const row = await db.selectFrom('settings').select('key').where('key', '=', historyKey(shopId)).executeTakeFirst();
  return row !== undefined;
}

export async function markHistoryInspected(db: Queryable, shopId: string, at: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: historyKey(shopId), value: at })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/** Whether the agent is of the shop. */
export async function isShopAgent(db: Queryable, shopId: string, agentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('agents')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('id', '=', agentId)
    .executeTakeFirst();
  return row !== undefined;
}

// PostgreSQL returns integers of some expressions as strings; the rows leave as numbers.
function numeric<T extends SessionRow>(row: T): T {
  return {
    ...row,
    start_seq: Number(row.start_seq),
    last_seq: Number(row.last_seq),
    closed: Number(row.closed),
    replies: Number(row.replies),
    last_reply_length: Number(row.last_reply_length),
    hit_count: Number(row.hit_count),
    points: Number(row.points),
    score: Number(row.score),
  };
}
