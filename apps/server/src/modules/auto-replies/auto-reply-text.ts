import type { Queryable } from '../../platform/db/database.js';
import { describeActivePromotions, describeFreeShipping, describePromotionLinks } from '../promotions/index.js';
import { describeShopHours, loadShopHours } from '../shop-hours/index.js';
import { findShopName } from '../shops/index.js';

/** What fills the variables of a rule's text. */
export interface ReplyFacts {
  shopId: string;
  buyerNick: string;
  now: Date;
}

const VARIABLE = /\{(买家昵称|店铺活动|活动链接|店铺名|包邮门槛|营业时间)\}/g;

/**
 * Fills {买家昵称} {店铺活动} {活动链接} {店铺名} {包邮门槛} {营业时间} from the same facts as quick replies. A line whose variables all came out empty is dropped, so
 * "本店活动：{店铺活动}" disappears on a day without campaigns instead of ending in a bare colon.
 */
export async function renderReplyText(db: Queryable, template: string, facts: ReplyFacts): Promise<string> {
  const needed = new Set([...template.matchAll(VARIABLE)].map((m) => m[1]!));
  const values: Record<string, string> = { 买家昵称: facts.buyerNick };
  if (needed.has('店铺活动')) values.店铺活动 = await describeActivePromotions(db, facts.shopId, facts.now, 'zh-CN');
  if (needed.has('活动链接')) values.活动链接 = await describePromotionLinks(db, facts.shopId, facts.now);
  if (needed.has('包邮门槛')) values.包邮门槛 = await describeFreeShipping(db, facts.shopId, facts.now, 'zh-CN');
  if (needed.has('营业时间')) values.营业时间 = describeShopHours(await loadShopHours(db, facts.shopId), 'zh-CN');
  if (needed.has('店铺名')) {
    values.店铺名 = (await findShopName(db, facts.shopId))?.name ?? '';
  }
  const lines = template.split('\n').flatMap((line) => {
    const names = [...line.matchAll(VARIABLE)].map((m) => m[1]!);
    if (names.length && names.every((name) => !values[name])) return [];
    return [line.replace(VARIABLE, (_, name: string) => values[name] ?? '')];
  });
  return lines.join('\n').trim();
}
