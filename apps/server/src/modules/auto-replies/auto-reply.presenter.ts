import { chinaTimeOf, type AutoReplyRule } from '@golddesk/contracts';
import { keywordsOf, paramsOf, type AutoReplyRow, type RuleHitCounts } from './auto-reply.repository.js';

export const STATS_DAYS = 14;

/** The China-time days of the last STATS_DAYS days, oldest first, ending with the day of `now`. */
export function statsDays(now: Date): string[] {
  return Array.from(
    { length: STATS_DAYS },
    (_, i) => chinaTimeOf(new Date(now.getTime() - (STATS_DAYS - 1 - i) * 86_400_000)).date,
  );
}

export function presentRule(row: AutoReplyRow, counts: RuleHitCounts | undefined, days: string[]): AutoReplyRule {
  const params = paramsOf(row);
  return {
    id: row.id,
    kind: row.kind as AutoReplyRule['kind'],
    name: row.name,
    enabled: Number(row.enabled) === 1,
    priority: Number(row.priority),
    keywords: keywordsOf(row),
    match: row.match_mode === 'exact' ? 'exact' : 'contains',
    text: row.text,
    cooldownMinutes: Number(row.cooldown_minutes),
    ...params,
    stats: {
      hits: counts?.hits ?? 0,
      lastHitAt: counts?.lastHitAt ?? null,
      byDay: days.map((day) => ({ day, hits: counts?.byDay.get(day) ?? 0 })),
    },
    updatedAt: row.updated_at,
  };
}
