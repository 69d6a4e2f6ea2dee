import { CARRIERS, LogisticsSettings, type CarrierCode } from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { readShopSettingsJson, storedShopSetting, writeShopSetting } from '../shops/index.js';

/** A shop that never chose: every carrier available, a parcel is stalled after 3 days, no buyer notices. */
export const DEFAULT_LOGISTICS_SETTINGS: LogisticsSettings = {
  enabledCarriers: CARRIERS.map((c) => c.code as CarrierCode),
  noUpdateDays: 3,
  notices: { shipped: false, out_for_delivery: false, signed: false },
};

/** The shop's logistics settings (shops.settings.logistics), defaults filled in. */
export async function readLogisticsSettings(db: Queryable, shopId: string): Promise<LogisticsSettings> {
  return logisticsSettingsOf(await readShopSettingsJson(db, shopId));
}

export function logisticsSettingsOf(settingsJson: string | null | undefined): LogisticsSettings {
  const stored = storedShopSetting(settingsJson, 'logistics') as Partial<LogisticsSettings> | undefined;
  const merged = {
    ...DEFAULT_LOGISTICS_SETTINGS,
    ...stored,
    notices: { ...DEFAULT_LOGISTICS_SETTINGS.notices, ...stored?.notices },
  };
  const parsed = LogisticsSettings.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_LOGISTICS_SETTINGS;
}

/** Replaces shops.settings.logistics, keeping the shop's other settings (改价 limits …) as they are. */
export async function writeLogisticsSettings(db: Queryable, shopId: string, settings: LogisticsSettings) {
  await writeShopSetting(db, shopId, 'logistics', settings);
}
