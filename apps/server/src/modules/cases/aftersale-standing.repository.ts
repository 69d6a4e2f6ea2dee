import type { Queryable } from '../../platform/db/database.js';
import { FINAL_CASE_STATES } from '@golddesk/contracts';

/** Whether the buyer has an after-sales case still open. */
export async function hasOpenCase(db: Queryable, shopId: string, buyerId: string): Promise<boolean> {
  const row = await db
    .selectFrom('cases')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('buyer_id', '=', buyerId)
    .where('state', 'not in', [...FINAL_CASE_STATES])
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** Whether the buyer signed for (or completed) an order since `since`, and it was not closed. */
export async function hasOrderSignedSince(db: Queryable, shopId: string, buyerId: string, since: string): Promise<boolean> {
  const row = await db
    .selectFrom('orders')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('buyer_id', '=', buyerId)
    .where('status', '!=', 'closed')
    .where((eb) => eb.or([eb('signed_at', '>=', since), eb.and([eb('signed_at', 'is', null), eb('completed_at', '>=', since)])]))
    .limit(1)
    .executeTakeFirst();
  return !!row;
}
