import type { Queryable } from '../../platform/db/database.js';
import { seedDemoAutoReplies } from '../auto-replies/index.js';
import { seedDemoPromotions } from '../promotions/index.js';

/** 店铺活动 around today and the 自动回复 rules of the demo shop. */
export async function seedDemoAutomation(db: Queryable, props: { shopId: string; now: Date }) {
  await seedDemoPromotions(db, props);
  await seedDemoAutoReplies(db, { shopId: props.shopId, at: new Date(props.now.getTime() - 30 * 86_400_000).toISOString() });
}
