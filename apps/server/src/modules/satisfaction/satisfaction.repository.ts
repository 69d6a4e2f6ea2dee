import type { Insertable, Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export type RatingRow = Selectable<Database['satisfaction_ratings']>;
/** A rating with the names of the served and the inviting agent, as the agents' view shows it. */
export type RatingRecord = RatingRow & { agent_name: string | null; inviting_agent_name: string | null };

// The farewell line 结束 writes (a system message coded conversation.closed) is where a service session ends.
const FAREWELL_PATTERN = '%"code":"conversation.closed"%';

/**
 * Inserts an invitation unless the session already has one (UNIQUE conversation_id + session_key): `created` is
 * false for the second, from whichever process or path it came.
 */
export async function insertInvitationOnce(db: Queryable, row: Insertable<Database['satisfaction_ratings']>) {
  const result = await db
    .insertInto('satisfaction_ratings')
    .values(row)
    .onConflict((oc) => oc.columns(['conversation_id', 'session_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

function recordQuery(db: Queryable) {
  return db
    .selectFrom('satisfaction_ratings as r')
    .leftJoin('agents as a', 'a.id', 'r.agent_id')
    .leftJoin('agents as i', 'i.id', 'r.inviting_agent_id')
    .selectAll('r')
    .select(['a.name as agent_name', 'i.name as inviting_agent_name']);
}

export async function findRatingRecord(db: Queryable, shopId: string, id: string): Promise<RatingRecord | undefined> {
  return recordQuery(db).where('r.shop_id', '=', shopId).where('r.id', '=', id).executeTakeFirst();
}

/** The invitation of a conversation's session, if it was sent. */
export async function findSessionRating(db: Queryable, conversationId: string, sessionKey: string) {
  return db
    .selectFrom('satisfaction_ratings')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('session_key', '=', sessionKey)
    .executeTakeFirst();
}

/** Every invitation of a conversation, oldest first. */
export async function listConversationRatings(db: Queryable, shopId: string, conversationId: string): Promise<RatingRecord[]> {
  return recordQuery(db)
    .where('r.shop_id', '=', shopId)
    .where('r.conversation_id', '=', conversationId)
    .orderBy('r.invited_at')
    .orderBy('r.id')
    .limit(200)
    .execute();
}

/** The latest invitation of a conversation (the one the widget shows). */
export async function findLatestRating(db: Queryable, conversationId: string): Promise<RatingRow | undefined> {
  return db
    .selectFrom('satisfaction_ratings')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('invited_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findConversationRating(db: Queryable, conversationId: string, id: string): Promise<RatingRow | undefined> {
  return db
    .selectFrom('satisfaction_ratings')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Records the buyer's rating unless one is there already; false when another request rated it first. */
export async function recordRating(
  db: Queryable,
  id: string,
  rating: { score: number; reasons_json: string; comment: string | null; rated_at: string; day: string },
): Promise<boolean> {
  const result = await db
    .updateTable('satisfaction_ratings')
    .set(rating)
    .where('id', '=', id)
    .where('rated_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** What a session is judged on: the conversation's state, its buyer, and whether they are blacklisted. */
export async function findConversationForRating(db: Queryable, shopId: string, conversationId: string) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
    .select(['c.id', 'c.shop_id', 'c.buyer_id', 'c.status', 'c.assignee_id', 'c.last_seq', 'c.waiting_since', 'b.blocked_at'])
    .where('c.shop_id', '=', shopId)
    .where('c.id', '=', conversationId)
    .executeTakeFirst();
}

/**
 * The seqs of the conversation's last two farewell lines (结束), newest first; with `until`, only those written by
 * then (the session a closing ended, whatever came after it).
 */
export async function listLastFarewellSeqs(db: Queryable, conversationId: string, until?: string): Promise<number[]> {
  let query = db
    .selectFrom('messages')
    .select('seq')
    .where('conversation_id', '=', conversationId)
    .where('sender', '=', 'system')
    .where('payload', 'like', FAREWELL_PATTERN);
  if (until) query = query.where('created_at', '<=', until);
  const rows = await query.orderBy('seq', 'desc').limit(2).execute();
  return rows.map((row) => Number(row.seq));
}

/** The last agent to write between two seqs (inclusive), or undefined when no agent answered then. */
export async function findLastAgentBetween(db: Queryable, conversationId: string, fromSeq: number, toSeq: number) {
  const row = await db
    .selectFrom('messages')
    .select('agent_id')
    .where('conversation_id', '=', conversationId)
    .where('sender', '=', 'agent')
    .where('seq', '>=', fromSeq)
    .where('seq', '<=', toSeq)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { agentId: row.agent_id } : undefined;
}

/**
 * Conversations the idle sweep looks at: open, nobody waiting for an answer (an agent wrote after the buyer), the last
 * message between `lastFrom` and `lastTo`, and no invitation sent since that message (one sent after it is this
 * session's already). Closed ones updated since `closedFrom` and not invited since their last message are looked at
 * too: a safety net for a closing whose event was lost.
 */
export async function listConversationsToInvite(
  db: Queryable,
  shopId: string,
  window: { lastFrom: string; lastTo: string; closedFrom: string },
  limit = 500,
) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('messages as m', 'm.id', 'c.last_message_id')
    .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
    .select(['c.id', 'c.status'])
    .where('c.shop_id', '=', shopId)
    .where('b.blocked_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('c.status', '=', 'open'),
          eb('c.waiting_since', 'is', null),
          eb('m.created_at', '>=', window.lastFrom),
          eb('m.created_at', '<=', window.lastTo),
        ]),
        eb.and([eb('c.status', '=', 'closed'), eb('c.updated_at', '>=', window.closedFrom)]),
      ]),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('satisfaction_ratings as r')
            .select('r.id')
            .whereRef('r.conversation_id', '=', 'c.id')
            .whereRef('r.invited_at', '>=', 'm.created_at'),
        ),
      ),
    )
    .orderBy('m.created_at')
    .limit(limit)
    .execute();
}
