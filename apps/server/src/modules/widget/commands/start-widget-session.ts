import { randomBytes } from 'node:crypto';
import type { WidgetSessionResponse } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { AppError } from '../../../platform/http/errors.js';
import { insertBuyerIfAbsent, touchBuyer } from '../../customers/buyer.repository.js';
import { ensureBuyerConversation } from '../../conversations/conversation.repository.js';
import { findShopBySlug } from '../../shops/shop.repository.js';
import { newId } from '../../../platform/ids.js';

export interface StartWidgetSessionProps {
  /** Shop slug. */
  shop: string;
  /** The widget's stored visitor id; a new one is made when absent. The same id is the same buyer. */
  visitorId?: string;
  /** Display name the buyer chose; otherwise 访客 + a short code. */
  nick?: string;
  /** The caller's network address: each gets a budget of new sessions per minute and shop. */
  address: string;
}

/** A buyer opens the chat: find or create the buyer and their conversation, and hand out a buyer token. */
export async function startWidgetSession(app: AppContext, props: StartWidgetSessionProps): Promise<WidgetSessionResponse> {
  const db = app.storage.db;
  const shop = await findShopBySlug(db, props.shop);
  if (!shop) throw new AppError('not_found', { thing: 'shop' });
  // Sessions are free to ask for, so each address gets a budget.
  const opened = await app.attempts.hit(`widget-session:${shop.id}:${props.address}`, 60);
  if (opened > app.config.widgetSessionsPerMinute) throw new AppError('rate_limited');
  const now = app.now().toISOString();
  const visitorId = props.visitorId ?? randomBytes(12).toString('base64url');
  const buyer = await insertBuyerIfAbsent(db, {
    id: newId(), shop_id: shop.id, visitor_id: visitorId,
    nick: props.nick ?? `访客${visitorId.slice(-4).toUpperCase()}`,
    phone: null, province: null, city: null, vip_level: 0, created_at: now, last_seen_at: now,
  });
  await touchBuyer(db, buyer.id, now);
  const conversation = await ensureBuyerConversation(db, shop.id, buyer.id, now);
  const { token, expiresAt } = app.tokens.issue({
    kind: 'buyer', shopId: shop.id, buyerId: buyer.id, conversationId: conversation.id,
  });
  return {
    token, expiresAt, visitorId,
    buyer: { id: buyer.id, nick: buyer.nick },
    conversation: {
      id: conversation.id, lastSeq: Number(conversation.last_seq), agentReadSeq: Number(conversation.agent_read_seq),
    },
    shop: { slug: shop.slug, name: shop.name },
  };
}
