import type { Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

/** The SQL of managers' reviews (质检评分). */

export type ReviewRow = Selectable<Database['quality_reviews']>;

/** A review with its reviewer's name. */
export type ReviewRecord = ReviewRow & { reviewer_name: string | null };

/** The reviews of sessions, oldest first. */
export async function listSessionReviews(db: Queryable, shopId: string, sessionIds: string[]): Promise<ReviewRecord[]> {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('quality_reviews as v')
    .leftJoin('agents as a', 'a.id', 'v.reviewer_id')
    .selectAll('v')
    .select('a.name as reviewer_name')
    .where('v.shop_id', '=', shopId)
    .where('v.session_id', 'in', sessionIds)
    .orderBy('v.created_at')
    .orderBy('v.id')
    .execute();
}

/** Saves a reviewer's review of a session: a second save by the same reviewer replaces the scores and comment. */
export async function upsertReview(db: Queryable, row: ReviewRow): Promise<void> {
  await db
    .insertInto('quality_reviews')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['session_id', 'reviewer_id']).doUpdateSet((eb) => ({
        agent_id: eb.ref('excluded.agent_id'),
        scores_json: eb.ref('excluded.scores_json'),
        total: eb.ref('excluded.total'),
        comment: eb.ref('excluded.comment'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

export async function findReviewRecord(db: Queryable, sessionId: string, reviewerId: string): Promise<ReviewRecord | undefined> {
  return db
    .selectFrom('quality_reviews as v')
    .leftJoin('agents as a', 'a.id', 'v.reviewer_id')
    .selectAll('v')
    .select('a.name as reviewer_name')
    .where('v.session_id', '=', sessionId)
    .where('v.reviewer_id', '=', reviewerId)
    .executeTakeFirst();
}
