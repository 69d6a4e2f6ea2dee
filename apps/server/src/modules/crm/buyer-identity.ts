import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isVouchedIdentity, type IdentitySource } from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { findBuyerByExternalId, insertBuyerUnlessConflict, type BuyerRow } from './buyer.repository.js';

export type { IdentitySource };

/** The shop vouched for this buyer (import, store integration, signed identity, demo seed). */
export function isVouched(buyer: Pick<BuyerRow, 'identity_source'>): boolean {
  return isVouchedIdentity(buyer.identity_source);
}

/** A new anonymous visitor: an id to name it and a secret only this browser keeps (the server stores its hash). */
export function newVisitorCredentials() {
  const visitorSecret = randomBytes(32).toString('base64url');
  return { visitorId: `v${randomBytes(16).toString('hex')}`, visitorSecret, secretHash: hashVisitorSecret(visitorSecret) };
}

export function hashVisitorSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The secret presented is the one issued to this visitor; constant-time, and never true for a buyer without one. */
export function visitorSecretMatches(secret: string | undefined, storedHash: string | null | undefined): boolean {
  if (!secret || !storedHash) return false;
  const given = Buffer.from(hashVisitorSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/**
 * The shop's customer by its own id, created on first sight. Its visitor id (`ext:<id>`) has a colon, which a widget
 * visitor id never has, so no visitor row can stand in the way — a visitor can never pre-claim a customer.
 */
export async function findOrCreateVouchedBuyer(
  db: Queryable,
  props: {
    shopId: string;
    externalId: string;
    nick: string;
    phone?: string | null;
    source: Exclude<IdentitySource, 'visitor'>;
    now: string;
  },
): Promise<BuyerRow> {
  const found = await findBuyerByExternalId(db, props.shopId, props.externalId);
  if (found) return found;
  await insertBuyerUnlessConflict(db, {
    id: newId(),
    shop_id: props.shopId,
    visitor_id: `ext:${props.externalId}`,
    nick: props.nick,
    phone: props.phone ?? null,
    province: null,
    city: null,
    vip_level: 0,
    created_at: props.now,
    last_seen_at: null,
    external_id: props.externalId,
    identity_source: props.source,
  });
  return (await findBuyerByExternalId(db, props.shopId, props.externalId))!;
}
