import type { AppContext } from '../../platform/app-context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { requireRateBudgets } from '../../platform/security/rate-limit.js';
import type { Principal } from '../../platform/security/tokens.js';
import { addressKey } from '../../platform/security/client-address.js';
import { sumUploadedBytes } from './attachment.repository.js';

/** Who an attachment is recorded as uploaded by. */
export function uploaderOf(actor: Principal): string {
  return actor.kind === 'agent' ? `agent:${actor.agentId}` : `buyer:${actor.buyerId}`;
}

/**
 * A buyer's upload rate, per buyer and per network address within the shop; checked before the body is read.
 * Refused → 429 too_many_uploads. Agents are not limited here.
 */
export async function limitBuyerUploads(app: AppContext, actor: Principal, address: string): Promise<void> {
  if (actor.kind !== 'buyer') return;
  await requireRateBudgets(
    app,
    [
      { key: `uploads:buyer:${actor.shopId}:${actor.buyerId}`, limit: app.config.buyerUploadsPerHour, windowSeconds: 3600 },
      {
        key: `uploads:address:${actor.shopId}:${addressKey(address)}`,
        limit: app.config.addressUploadsPerHour,
        windowSeconds: 3600,
      },
    ],
    'too_many_uploads',
  );
}

/** A buyer stores at most BUYER_UPLOAD_QUOTA_MB of images in all; this upload must fit. Refused → 413. */
export async function requireUploadQuota(app: AppContext, db: Queryable, actor: Principal, size: number): Promise<void> {
  if (actor.kind !== 'buyer') return;
  const quota = app.config.buyerUploadQuotaBytes;
  if ((await sumUploadedBytes(db, actor.shopId, uploaderOf(actor))) + size > quota) {
    throw new AppError('upload_quota_exceeded', { limit: `${Math.round((quota / 1024 / 1024) * 10) / 10} MB` });
  }
}
