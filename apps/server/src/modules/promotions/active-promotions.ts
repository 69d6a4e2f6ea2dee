import type { PromotionView } from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { presentPromotion, summaryOf } from './promotion.presenter.js';
import { listActivePromotionRows } from './promotion.repository.js';

/** The campaigns running at `now`, presented in `language`. */
export async function listActivePromotions(
  db: Queryable, shopId: string, now: Date, language: 'zh-CN' | 'en' = 'zh-CN',
): Promise<PromotionView[]> {
  return (await listActivePromotionRows(db, shopId, now)).map((row) => presentPromotion(row, now, language));
}

/**
 * The campaigns active now in one line, '' when none: "双11预售：定金 50 抵 100（11-01 至 11-10）；全店满减：满 199 减 20；满 88 包邮".
 * What {店铺活动} becomes in auto-replies and quick replies.
 */
export async function describeActivePromotions(db: Queryable, shopId: string, now: Date, language: 'zh-CN' | 'en'): Promise<string> {
  const rows = await listActivePromotionRows(db, shopId, now);
  return rows.map((row) => summaryOf(row, language)).join(language === 'zh-CN' ? '；' : '; ');
}

/** The active campaigns that have a link, one "title link" per line ('' when none): what {活动链接} becomes. */
export async function describePromotionLinks(db: Queryable, shopId: string, now: Date): Promise<string> {
  const rows = await listActivePromotionRows(db, shopId, now);
  return rows.filter((row) => row.link).map((row) => `${row.title} ${row.link}`).join('\n');
}
