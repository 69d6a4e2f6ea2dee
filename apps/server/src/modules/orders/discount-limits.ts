import { can, DiscountLimits, type CapabilityHolder } from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { readShopSettingsJson, shopSettingOf, storedShopSetting, writeShopSetting } from '../shops/index.js';
import { DEFAULT_DISCOUNT_LIMITS } from './order.policy.js';

const SETTINGS_KEY = 'discountLimits';

/**
 * The 改价 limit of each role (share of the original total taken off without approval): the shop's settings over the
 * defaults. Stored limits that no longer fit the schema (a share outside 0…1) are ignored: the defaults apply.
 */
export async function readDiscountLimits(db: Queryable, shopId: string): Promise<Record<string, number>> {
  return shopSettingOf<Record<string, number>>(
    await readShopSettingsJson(db, shopId),
    SETTINGS_KEY,
    DiscountLimits,
    DEFAULT_DISCOUNT_LIMITS,
  );
}

/** The agent's limit: their role's, or everything for those above approval (the owner: nobody is above them). */
export function discountLimitOf(agent: CapabilityHolder & { role: string }, limits: Record<string, number>): number {
  if (can(agent, 'orders.change_price_beyond_limit')) return 1;
  return limits[agent.role] ?? 0;
}

/** Sets one role's limit (the permissions matrix), or with null forgets it (a deleted role). */
export async function writeDiscountLimit(db: Queryable, shopId: string, role: string, share: number | null): Promise<void> {
  const stored = storedShopSetting(await readShopSettingsJson(db, shopId), SETTINGS_KEY);
  // Only what still fits is kept: one unreadable entry would otherwise send every role back to the defaults.
  const limits: Record<string, number> = Object.fromEntries(
    Object.entries(stored && typeof stored === 'object' ? stored : {}).filter(
      ([key, value]) => DiscountLimits.safeParse({ [key]: value }).success,
    ),
  );
  if (share === null) delete limits[role];
  else limits[role] = share;
  await writeShopSetting(db, shopId, SETTINGS_KEY, limits);
}
