import { DEFAULT_SHOP_HOURS, ShopHours } from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { readShopSettingsJson, shopSettingOf, writeShopSetting } from '../shops/index.js';

/** The shop's hours from shops.settings.shopHours, defaults filled in (09:00–23:00 daily, quiet 23:00–08:00). */
export function shopHoursOf(settingsJson: string | null | undefined): ShopHours {
  return shopSettingOf(settingsJson, 'shopHours', ShopHours, DEFAULT_SHOP_HOURS);
}

/** Loads the shop's hours (business hours, holidays, quiet hours). */
export async function loadShopHours(db: Queryable, shopId: string): Promise<ShopHours> {
  return shopHoursOf(await readShopSettingsJson(db, shopId));
}

/** Replaces shops.settings.shopHours, keeping the shop's other settings as they are. */
export async function writeShopHours(db: Queryable, shopId: string, hours: ShopHours) {
  await writeShopSetting(db, shopId, 'shopHours', hours);
}
