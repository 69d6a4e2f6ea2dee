import type { AppContext } from '../../platform/app-context.js';
import { requireRateBudgets } from '../../platform/security/rate-limit.js';
import type { Principal } from '../../platform/security/tokens.js';
import { addressKey } from '../../platform/security/client-address.js';

/**
 * A buyer's message budget, shared by HTTP and the WebSocket: per buyer, and per network address within the shop
 * (a script rotating visitor sessions still comes from one address). Refused → 429 too_many_messages, nothing
 * stored. Agents are not limited here.
 */
export async function limitBuyerMessages(app: AppContext, actor: Principal, address: string): Promise<void> {
  if (actor.kind !== 'buyer') return;
  await requireRateBudgets(
    app,
    [
      { key: `messages:buyer:${actor.shopId}:${actor.buyerId}`, limit: app.config.buyerMessagesPerMinute, windowSeconds: 60 },
      {
        key: `messages:address:${actor.shopId}:${addressKey(address)}`,
        limit: app.config.addressMessagesPerMinute,
        windowSeconds: 60,
      },
    ],
    'too_many_messages',
  );
}
