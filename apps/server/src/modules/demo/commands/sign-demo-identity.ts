import type { DemoIdentityResponse } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { AppError } from '../../../platform/http/errors.js';
import { signIdentity } from '../../../platform/security/hmac-signature.js';
import { ensureIntegrationSecrets } from '../../integration/index.js';
import { findShopBySlug } from '../../shops/index.js';
import { findDemoBuyer, giveDemoBuyerExternalId } from '../demo-identity.repository.js';

/** The only shop whose buyers anyone may sign in as. */
export const DEMO_SHOP_SLUG = 'demo';
/** Who 登录 on /demo-shop signs in as when no buyer is named: 小鹿乱撞, who has orders in every state. */
export const DEFAULT_DEMO_BUYER = 'demo-buyer-001';

export interface SignDemoIdentityProps {
  /** Shop slug; anything but the demo shop is refused. */
  shop: string;
  /** The demo buyer's visitor id (demo-buyer-001 …). */
  buyer?: string;
}

/**
 * DEMO ONLY. Plays "the shop's backend" for the demo shop: signs a demo buyer's customer id with the shop's
 * identity secret, exactly as a real shop does on its own server (docs/integration.md). A real shop must
 * never expose such an endpoint: anyone could sign in as anyone. Here it only serves the public demo buyers.
 */
export async function signDemoIdentity(app: AppContext, props: SignDemoIdentityProps): Promise<DemoIdentityResponse> {
  if (props.shop !== DEMO_SHOP_SLUG) throw new AppError('demo_only');
  const db = app.storage.db;
  const shop = await findShopBySlug(db, DEMO_SHOP_SLUG);
  if (!shop) throw new AppError('not_found', { thing: 'shop' });
  const visitorId = props.buyer ?? DEFAULT_DEMO_BUYER;
  const buyer = await findDemoBuyer(db, shop.id, visitorId);
  if (!buyer) throw new AppError('not_found', { thing: 'buyer' });
  const externalId =
    buyer.external_id ?? (await giveDemoBuyerExternalId(db, buyer.id, visitorId.replace('demo-buyer-', 'demo-member-')));
  const secrets = await ensureIntegrationSecrets(db, shop.id, app.now().toISOString());
  const timestamp = Math.floor(app.now().getTime() / 1000);
  return {
    identity: { externalId, timestamp, signature: signIdentity(secrets.identity_secret, externalId, timestamp) },
    buyer: { nick: buyer.nick },
  };
}
