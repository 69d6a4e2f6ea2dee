import { randomBytes } from 'node:crypto';
import type { WidgetSessionResponse } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { AppError } from '../../../platform/http/errors.js';
import { findBuyerByExternalId, insertBuyerIfAbsent, touchBuyer } from '../../customers/buyer.repository.js';
import { ensureIntegrationSecrets } from '../../integration/integration.repository.js';
import { checkIdentity } from '../../../platform/security/hmac-signature.js';
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
  /** The shop backend's signature over its customer id; makes the visitor that known customer. */
  identity?: { externalId: string; timestamp: number; signature: string };
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
  const externalId = props.identity ? await verifiedCustomerId(app, shop.id, props.identity) : undefined;
  // A verified visitor is the shop's customer wherever they come from; others are known by their visitor id.
  const visitorId = externalId ? `ext-${externalId}` : (props.visitorId ?? randomBytes(12).toString('base64url'));
  const buyer = (externalId && (await findBuyerByExternalId(db, shop.id, externalId))) || (await insertBuyerIfAbsent(db, {
    id: newId(), shop_id: shop.id, visitor_id: visitorId,
    nick: props.nick ?? `访客${visitorId.slice(-4).toUpperCase()}`,
    phone: null, province: null, city: null, vip_level: 0, created_at: now, last_seen_at: now, external_id: externalId ?? null,
  }));
  await touchBuyer(db, buyer.id, now);
  const conversation = await ensureBuyerConversation(db, shop.id, buyer.id, now);
  const { token, expiresAt } = app.tokens.issue({
    kind: 'buyer', shopId: shop.id, buyerId: buyer.id, conversationId: conversation.id, verified: !!externalId,
  });
  return {
    token, expiresAt, visitorId,
    buyer: { id: buyer.id, nick: buyer.nick, verified: !!externalId },
    conversation: {
      id: conversation.id, lastSeq: Number(conversation.last_seq), agentReadSeq: Number(conversation.agent_read_seq),
    },
    shop: { slug: shop.slug, name: shop.name },
  };
}

/** The customer id the shop's backend vouched for, or an error: a bad identity is refused, never ignored. */
async function verifiedCustomerId(app: AppContext, shopId: string, identity: NonNullable<StartWidgetSessionProps['identity']>) {
  const secrets = await ensureIntegrationSecrets(app.storage.db, shopId, app.now().toISOString());
  const check = checkIdentity(secrets.identity_secret, identity, Math.floor(app.now().getTime() / 1000));
  if (check !== 'ok') throw new AppError(check === 'stale' ? 'identity_expired' : 'bad_signature');
  return identity.externalId;
}
