import type { QualitySessionView } from '@golddesk/contracts';
import type { Queryable } from '../../../platform/db/database.js';
import { listSessionHits, listSessionRatings, type SessionRecord } from '../quality-inspection.repository.js';
import { listSessionReviews } from '../quality-review.repository.js';
import { presentSession } from '../quality-inspection.presenter.js';

/** Sessions as the lists show them: each with its hits, the buyer's rating of its service session, and its reviews (three reads for the page). */
export async function presentSessions(db: Queryable, shopId: string, rows: SessionRecord[]): Promise<QualitySessionView[]> {
  const ids = rows.map((row) => row.id);
  const [hits, ratings, reviews] = await Promise.all([
    listSessionHits(db, ids),
    listSessionRatings(db, ids),
    listSessionReviews(db, shopId, ids),
  ]);
  return rows.map((row) =>
    presentSession(row, {
      hits: hits.filter((hit) => hit.session_id === row.id),
      rating: ratings.get(row.id) ?? null,
      reviews: reviews.filter((review) => review.session_id === row.id),
    }),
  );
}
