import type { PromotionView } from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { presentPromotion, summaryOf, yuan } from './promotion.presenter.js';
import { listActivePromotionRows } from './promotion.repository.js';

/** The campaigns running at `now`, presented in `language`. */
export async function listActivePromotions(
  db: Queryable,
  shopId: string,
  now: Date,
  language: 'zh-CN' | 'en' = 'zh-CN',
): Promise<PromotionView[]> {
  return (await listActivePromotionRows(db, shopId, now)).map((row) => presentPromotion(row, now, language));
}

/**
 * The campaigns active now in one line, '' when none: "双11预售：定金 50 抵 100（11-01 至 11-10）；全店满减：满 199 减 20；满 88 包邮".
 * What {店铺活动} becomes in auto-replies and quick replies.
 */
export async function describeActivePromotions(
  db: Queryable,
  shopId: string,
  now: Date,
  language: 'zh-CN' | 'en',
): Promise<string> {
  const rows = await listActivePromotionRows(db, shopId, now);
  return rows.map((row) => summaryOf(row, language)).join(language === 'zh-CN' ? '；' : '; ');
}

/** The active campaigns that have a link, one "title link" per line ('' when none): what {活动链接} becomes. */
export async function describePromotionLinks(db: Queryable, shopId: string, now: Date): Promise<string> {
  const rows = await listActivePromotionRows(db, shopId, now);
  return rows
    .filter((row) => row.link)
    .map((row) => `${row.title} ${row.link}`)
    .join('\n');
}

/**
 * The free-shipping condition of the running 包邮 campaigns (the lowest threshold wins), '' when none runs: what
 * {包邮门槛} becomes, "满 88 元" ("本店{包邮门槛}包邮") or "全场" when it has no threshold.
 */
export async function describeFreeShipping(db: Queryable, shopId: string, now: Date, language: 'zh-CN' | 'en'): Promise<string> {
  const thresholds = (await listActivePromotionRows(db, shopId, now))
    .filter((row) => row.kind === 'free_shipping')
    .map((row) => Number(row.threshold_fen ?? 0));
  if (!thresholds.length) return '';
  const lowest = Math.min(...thresholds);
  if (language === 'en') return lowest > 0 ? `over ¥${yuan(lowest)}` : 'on every order';
  return lowest > 0 ? `满 ${yuan(lowest)} 元` : '全场';
}
