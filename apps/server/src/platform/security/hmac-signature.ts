import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header every signed request carries, in and out: `t=<unix seconds>,v1=<hex>`. */
export const SIGNATURE_HEADER = 'x-golddesk-signature';
/** Signed requests older (or newer) than this are refused, so a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** HMAC-SHA256 over "<t>.<body>", the scheme Stripe and others use; documented for integrators. */
export function signPayload(secret: string, body: string, unixSeconds: number): string {
  const digest = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${digest}`;
}

export type SignatureCheck = 'ok' | 'missing' | 'malformed' | 'stale' | 'mismatch';

export function checkSignature(secret: string, body: string, header: string | undefined, nowSeconds: number): SignatureCheck {
  if (!header) return 'missing';
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || !/^[0-9a-f]{64}$/.test(parts.v1)) return 'malformed';
  if (Math.abs(nowSeconds - t) > SIGNATURE_TOLERANCE_SECONDS) return 'stale';
  const expected = Buffer.from(signPayload(secret, body, t).split('v1=')[1]!, 'hex');
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex')) ? 'ok' : 'mismatch';
}

/** How long a signed buyer identity stays valid. */
export const IDENTITY_TOLERANCE_SECONDS = 24 * 3600;

/** The widget identity: hex HMAC-SHA256(identitySecret, "<externalId>.<timestamp>"). */
export function signIdentity(secret: string, externalId: string, unixSeconds: number): string {
  return createHmac('sha256', secret).update(`${externalId}.${unixSeconds}`).digest('hex');
}

export function checkIdentity(
  secret: string,
  identity: { externalId: string; timestamp: number; signature: string },
  nowSeconds: number,
): SignatureCheck {
  if (Math.abs(nowSeconds - identity.timestamp) > IDENTITY_TOLERANCE_SECONDS) return 'stale';
  const expected = Buffer.from(signIdentity(secret, identity.externalId, identity.timestamp), 'hex');
  const given = Buffer.from(identity.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(expected, given) ? 'ok' : 'mismatch';
}
