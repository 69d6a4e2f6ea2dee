import type { NoticeKind } from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';

/** Records that the buyer was told about `kind`; false when they already were (so nobody repeats it). */
export async function markNoticeSent(db: Queryable, shopId: string, orderId: string, kind: NoticeKind, at: string) {
  const result = await db
    .insertInto('logistics_notices')
    .values({ shop_id: shopId, order_id: orderId, kind, sent_at: at })
    .onConflict((oc) => oc.columns(['shop_id', 'order_id', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
