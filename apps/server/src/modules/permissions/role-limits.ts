import { MAX_COMPENSATION_LIMIT_FEN, type RoleLimits } from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { readCompensationLimits, writeCompensationLimit } from '../cases/index.js';
import { readDiscountLimits, writeDiscountLimit } from '../orders/index.js';

/**
 * The limits beside the matrix, read and written where they are used: 改价 discounts in the shop's settings (orders),
 * goodwill in the after-sales policy (cases). A role without an entry may give nothing without asking.
 */
export interface LimitTables {
  discount: Record<string, number>;
  compensationFen: Record<string, number>;
}

export async function readLimitTables(db: Queryable, shopId: string): Promise<LimitTables> {
  const [discount, compensationFen] = await Promise.all([readDiscountLimits(db, shopId), readCompensationLimits(db, shopId)]);
  return { discount, compensationFen };
}

/** One role's limits; the owner's are unlimited whatever is stored (nobody is above them to approve). */
export function limitsOf(role: string, tables: LimitTables): RoleLimits {
  if (role === 'owner') return { discount: 1, compensationFen: MAX_COMPENSATION_LIMIT_FEN };
  return {
    discount: tables.discount[role] ?? 0,
    compensationFen: Math.min(tables.compensationFen[role] ?? 0, MAX_COMPENSATION_LIMIT_FEN),
  };
}

/** Writes the limits given (a partial change leaves the other as it is). */
export async function writeRoleLimits(db: Queryable, shopId: string, role: string, limits: Partial<RoleLimits>): Promise<void> {
  if (limits.discount !== undefined) await writeDiscountLimit(db, shopId, role, limits.discount);
  if (limits.compensationFen !== undefined) await writeCompensationLimit(db, shopId, role, limits.compensationFen);
}

/** A deleted role's limits go with it (a later role never inherits them). */
export async function forgetRoleLimits(db: Queryable, shopId: string, role: string): Promise<void> {
  await writeDiscountLimit(db, shopId, role, null);
  await writeCompensationLimit(db, shopId, role, null);
}
