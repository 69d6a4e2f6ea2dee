import type { SatisfactionBreakdown } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { listRatingFacts, type FactFilter } from '../measures.repository.js';

/** The range's ratings by score (5 → 1) and by the reasons buyers picked, most picked first. */
export async function satisfactionBreakdown(app: AppContext, filter: FactFilter): Promise<SatisfactionBreakdown> {
  const ratings = filter.group ? [] : await listRatingFacts(app.storage.db, filter);
  const reasons = new Map<string, number>();
  for (const rating of ratings) {
    for (const reason of JSON.parse(rating.reasons_json ?? '[]') as string[]) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return {
    scores: [5, 4, 3, 2, 1].map((score) => ({ score, ratings: ratings.filter((r) => Number(r.score) === score).length })),
    reasons: [...reasons.entries()].sort((a, b) => b[1] - a[1]).map(([reason, count]) => ({ reason, ratings: count })),
  };
}
