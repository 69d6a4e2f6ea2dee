import type { WidgetSessionResponse } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { AppError } from '../../../platform/http/errors.js';
import { findBuyerByVisitor, insertBuyerIfAbsent, touchBuyer, type BuyerRow } from '../../crm/index.js';
import { findOrCreateVouchedBuyer, newVisitorCredentials, visitorSecretMatches } from '../../crm/index.js';
import { ensureIntegrationSecrets } from '../../integration/index.js';
import { checkIdentity } from '../../../platform/security/hmac-signature.js';
import { ensureBuyerConversation } from '../../conversations/index.js';
import { findShopBySlug } from '../../shops/index.js';
import { newId } from '../../../platform/ids.js';

export interface StartWidgetSessionProps {
  /** Shop slug. */
  shop: string;
  /** The visitor id this browser was given; resumes that visitor only together with its secret. */
  visitorId?: string;
  /** The secret issued with the visitor id. Without it (or with a wrong one) a new anonymous visitor starts. */
  visitorSecret?: string;
  /** Display name the buyer chose; otherwise 访客 + a short code. Self-declared: never matched to the shop's customers. */
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
  let buyer: BuyerRow;
  let visitorSecret: string | undefined;
  if (externalId) {
    // A known customer is reached only through the shop's signature, never by a visitor id or secret.
    buyer = await findOrCreateVouchedBuyer(db, {
      shopId: shop.id,
      externalId,
      nick: props.nick ?? `会员${externalId.slice(-4).toUpperCase()}`,
      source: 'identity',
      now,
    });
  } else {
    ({ buyer, visitorSecret } = await anonymousVisitor(app, shop.id, props, now));
  }
  await touchBuyer(db, buyer.id, now);
  const conversation = await ensureBuyerConversation(db, shop.id, buyer.id, now);
  const { token, expiresAt } = app.tokens.issue({
    kind: 'buyer',
    shopId: shop.id,
    buyerId: buyer.id,
    conversationId: conversation.id,
    verified: !!externalId,
  });
  return {
    token,
    expiresAt,
    visitorId: buyer.visitor_id,
    ...(visitorSecret ? { visitorSecret } : {}),
    buyer: { id: buyer.id, nick: buyer.nick, verified: !!externalId },
    conversation: {
      id: conversation.id,
      lastSeq: Number(conversation.last_seq),
      agentReadSeq: Number(conversation.agent_read_seq),
    },
    shop: { slug: shop.slug, name: shop.name },
  };
}

/** The anonymous visitor this browser holds the secret of, or a new one under a new visitor id. */
async function anonymousVisitor(app: AppContext, shopId: string, props: StartWidgetSessionProps, now: string) {
  const db = app.storage.db;
  if (props.visitorId && props.visitorSecret) {
    const known = await findBuyerByVisitor(db, shopId, props.visitorId);
    if (known && known.identity_source === 'visitor' && visitorSecretMatches(props.visitorSecret, known.visitor_secret_hash)) {
      return { buyer: known, visitorSecret: props.visitorSecret };
    }
  }
  const fresh = newVisitorCredentials();
  const buyer = await insertBuyerIfAbsent(db, {
    id: newId(),
    shop_id: shopId,
    visitor_id: fresh.visitorId,
    nick: props.nick ?? `访客${fresh.visitorId.slice(-4).toUpperCase()}`,
    phone: null,
    province: null,
    city: null,
    vip_level: 0,
    created_at: now,
    last_seen_at: now,
    external_id: null,
    identity_source: 'visitor',
    visitor_secret_hash: fresh.secretHash,
  });
  return { buyer, visitorSecret: fresh.visitorSecret };
}

/** The customer id the shop's backend vouched for, or an error: a bad identity is refused, never ignored. */
async function verifiedCustomerId(app: AppContext, shopId: string, identity: NonNullable<StartWidgetSessionProps['identity']>) {
  const secrets = await ensureIntegrationSecrets(app.storage.db, shopId, app.now().toISOString());
  const check = checkIdentity(secrets.identity_secret, identity, Math.floor(app.now().getTime() / 1000));
  if (check !== 'ok') throw new AppError(check === 'stale' ? 'identity_expired' : 'bad_signature');
  return identity.externalId;
}
