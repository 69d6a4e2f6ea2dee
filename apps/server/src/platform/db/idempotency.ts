import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import { AppError } from '../http/errors.js';
import type { Queryable } from './database.js';

/**
 * Client-chosen request ids (requestId) made safe to retry, as payment APIs do with idempotency keys: the key is
 * stored with a fingerprint of what was asked, the same request again gets the first answer, and the same key
 * with a different request (another target, action or body) is refused — never answered with another's result.
 */

/** A hash of what a request asks: the same parts in any key order give the same fingerprint. */
export function requestFingerprint(parts: Record<string, unknown>): string {
  return createHash('sha256')
    .update(stringify(parts) ?? '')
    .digest('hex');
}

/**
 * The stored answer for `key`, or undefined when the key is new. Throws request_id_reused when the key was used
 * for a request with another fingerprint. Keys stored before fingerprints existed match any request.
 */
export async function findIdempotentAnswer<T>(
  db: Queryable,
  shopId: string,
  key: string,
  fingerprint: string,
): Promise<T | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['response_json', 'fingerprint'])
    .where('shop_id', '=', shopId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.fingerprint && row.fingerprint !== fingerprint) throw new AppError('request_id_reused');
  return JSON.parse(row.response_json) as T;
}

/** Keeps the answer for `key` in the transaction that made it, so the key and the change commit together. */
export async function storeIdempotentAnswer(
  db: Queryable,
  props: { shopId: string; key: string; fingerprint: string; answer: unknown; at: string },
): Promise<void> {
  await db
    .insertInto('idempotency_keys')
    .values({
      shop_id: props.shopId,
      key: props.key,
      fingerprint: props.fingerprint,
      response_json: JSON.stringify(props.answer),
      created_at: props.at,
    })
    .execute();
}
