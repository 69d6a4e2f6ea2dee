import type { Queryable } from '../../../platform/db/database.js';
import { readAftersalePolicy } from '../case.policy.js';
import { hasOpenCase, hasOrderSignedSince } from '../aftersale-standing.repository.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Whether a buyer is after-sales business now (routing sends them to 售后): a case of theirs is open, or an order of
 * theirs was signed for within the shop's longest return/exchange/quality window.
 */
export async function isAftersaleBuyer(db: Queryable, shopId: string, buyerId: string, at: Date): Promise<boolean> {
  if (await hasOpenCase(db, shopId, buyerId)) return true;
  const policy = await readAftersalePolicy(db, shopId);
  const days = Math.max(policy.noReasonReturnDays, policy.qualityDays, policy.exchangeDays);
  return hasOrderSignedSince(db, shopId, buyerId, new Date(at.getTime() - days * DAY_MS).toISOString());
}
