import { CASHBACK_RULE, chinaMidnightOf, chinaTimeOf, reviewLevelOf, type ReviewWeeksResponse } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { readShopSettingsJson, storedShopSetting } from '../../shops/index.js';
import { listReviewsSince } from '../review.repository.js';

const DAY_MS = 24 * 3600_000;

/**
 * The reviews page's weeks (Monday to Sunday, China time), oldest first: reviews by level and mid/negative follow-ups
 * by outcome (open = no outcome yet). With 好评返现 set, the marketplace's rule against buying reviews comes along.
 */
export async function reviewWeeks(app: AppContext, shopId: string, count: number): Promise<ReviewWeeksResponse> {
  const today = chinaTimeOf(app.now());
  const thisMonday = chinaMidnightOf(today.date) - today.weekday * DAY_MS;
  const starts = Array.from({ length: count }, (_, i) => thisMonday - (count - 1 - i) * 7 * DAY_MS);
  const reviews = await listReviewsSince(app.storage.db, shopId, new Date(starts[0]!).toISOString());
  const weeks = starts.map((start) => {
    const inWeek = reviews.filter((r) => Date.parse(r.reviewed_at) >= start && Date.parse(r.reviewed_at) < start + 7 * DAY_MS);
    const levels = inWeek.map((r) => reviewLevelOf(Number(r.rating)));
    const followed = inWeek.filter((r) => r.task_id);
    const outcome = (name: string) => followed.filter((r) => r.outcome === name).length;
    return {
      weekStart: chinaTimeOf(new Date(start)).date,
      good: levels.filter((l) => l === 'good').length,
      mid: levels.filter((l) => l === 'mid').length,
      bad: levels.filter((l) => l === 'bad').length,
      open: followed.filter((r) => !r.outcome).length,
      revised: outcome('revised'),
      explained: outcome('explained'),
      no_reply: outcome('no_reply'),
      appealed: outcome('appealed'),
    };
  });
  const policy = storedShopSetting(await readShopSettingsJson(app.storage.db, shopId), 'aftersalePolicy') as
    { goodReviewCashbackFen?: number } | undefined;
  const cashback = Number(policy?.goodReviewCashbackFen ?? 0) > 0;
  return { weeks, cashbackRule: cashback ? CASHBACK_RULE['zh-CN'] : null, cashbackRuleEn: cashback ? CASHBACK_RULE.en : null };
}
