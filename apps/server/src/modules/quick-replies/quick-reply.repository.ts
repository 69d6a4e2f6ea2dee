import type { Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export type QuickReplyRow = Selectable<Database['quick_replies']>;

/** A phrase with the caller's and the whole team's use counts. */
export interface QuickReplyWithUses extends QuickReplyRow {
  my_uses: number;
  team_uses: number;
  last_used_at: string | null;
}

/** Team phrases ('' owner) and the agent's personal ones; optionally one scope only. */
export async function listVisibleQuickReplies(
  db: Queryable,
  shopId: string,
  agentId: string,
  scope?: 'team' | 'personal',
): Promise<QuickReplyWithUses[]> {
  let query = db.selectFrom('quick_replies').selectAll().where('shop_id', '=', shopId);
  if (scope === 'team') query = query.where('scope', '=', 'team');
  else if (scope === 'personal') query = query.where('scope', '=', 'personal').where('owner_id', '=', agentId);
  else
    query = query.where((eb) =>
      eb.or([eb('scope', '=', 'team'), eb.and([eb('scope', '=', 'personal'), eb('owner_id', '=', agentId)])]),
    );
  const rows = await query.orderBy('group_name').orderBy('code').execute();
  const uses = await db
    .selectFrom('quick_reply_usage')
    .select(['quick_reply_id', 'agent_id', 'use_count', 'last_used_at'])
    .where('shop_id', '=', shopId)
    .execute();
  const mine = new Map<string, { count: number; at: string }>();
  const team = new Map<string, { count: number; at: string }>();
  for (const use of uses) {
    if (use.agent_id === agentId) mine.set(use.quick_reply_id, { count: use.use_count, at: use.last_used_at });
    const sum = team.get(use.quick_reply_id);
    team.set(use.quick_reply_id, {
      count: (sum?.count ?? 0) + use.use_count,
      at: sum && sum.at > use.last_used_at ? sum.at : use.last_used_at,
    });
  }
  return rows.map((row) => ({
    ...row,
    my_uses: mine.get(row.id)?.count ?? 0,
    team_uses: team.get(row.id)?.count ?? 0,
    // The caller's own last use ranks; the team's shows when the caller never used it.
    last_used_at: mine.get(row.id)?.at ?? team.get(row.id)?.at ?? null,
  }));
}

export async function findQuickReply(db: Queryable, shopId: string, id: string): Promise<QuickReplyRow | undefined> {
  return db.selectFrom('quick_replies').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
}

export async function findQuickReplyByCode(db: Queryable, shopId: string, scope: string, ownerId: string, code: string) {
  return db
    .selectFrom('quick_replies')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('scope', '=', scope)
    .where('owner_id', '=', ownerId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Every phrase of one scope and owner (import matching, export). */
export async function listScopeQuickReplies(
  db: Queryable,
  shopId: string,
  scope: string,
  ownerId: string,
): Promise<QuickReplyRow[]> {
  return db
    .selectFrom('quick_replies')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('scope', '=', scope)
    .where('owner_id', '=', ownerId)
    .orderBy('group_name')
    .orderBy('code')
    .execute();
}

export async function countScopeQuickReplies(db: Queryable, shopId: string, scope: string, ownerId: string): Promise<number> {
  const row = await db
    .selectFrom('quick_replies')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('shop_id', '=', shopId)
    .where('scope', '=', scope)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertQuickReplies(db: Queryable, rows: QuickReplyRow[]) {
  // Chunks keep PostgreSQL's and SQLite's bound-parameter limits out of reach.
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('quick_replies')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function updateQuickReply(db: Queryable, shopId: string, id: string, changes: Partial<QuickReplyRow>) {
  await db.updateTable('quick_replies').set(changes).where('shop_id', '=', shopId).where('id', '=', id).execute();
}

export async function deleteQuickReply(db: Queryable, shopId: string, id: string) {
  await db.deleteFrom('quick_reply_usage').where('shop_id', '=', shopId).where('quick_reply_id', '=', id).execute();
  await db.deleteFrom('quick_replies').where('shop_id', '=', shopId).where('id', '=', id).execute();
}

/** Counts one use by one agent (insert-then-increment works alike on both databases). */
export async function countUse(db: Queryable, shopId: string, quickReplyId: string, agentId: string, at: string) {
  await db
    .insertInto('quick_reply_usage')
    .values({ quick_reply_id: quickReplyId, agent_id: agentId, shop_id: shopId, use_count: 0, last_used_at: at })
    .onConflict((oc) => oc.columns(['quick_reply_id', 'agent_id']).doNothing())
    .execute();
  await db
    .updateTable('quick_reply_usage')
    .set((eb) => ({ use_count: eb('use_count', '+', 1), last_used_at: at }))
    .where('quick_reply_id', '=', quickReplyId)
    .where('agent_id', '=', agentId)
    .execute();
}
