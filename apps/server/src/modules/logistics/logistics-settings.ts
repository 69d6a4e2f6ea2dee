import { CARRIERS, LogisticsSettings, type CarrierCode } from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';

/** A shop that never chose: every carrier available, a parcel is stalled after 3 days, no buyer notices. */
export const DEFAULT_LOGISTICS_SETTINGS: LogisticsSettings = {
  enabledCarriers: CARRIERS.map((c) => c.code as CarrierCode),
  noUpdateDays: 3,
  notices: { shipped: false, out_for_delivery: false, signed: false },
};

function parseSettings(text: string | null | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The shop's logistics settings (shops.settings.logistics), defaults filled in. */
export async function readLogisticsSettings(db: Queryable, shopId: string): Promise<LogisticsSettings> {
  const shop = await db.selectFrom('shops').select('settings').where('id', '=', shopId).executeTakeFirst();
  return logisticsSettingsOf(shop?.settings);
}

export function logisticsSettingsOf(settingsJson: string | null | undefined): LogisticsSettings {
  const stored = parseSettings(settingsJson).logistics as Partial<LogisticsSettings> | undefined;
  const merged = {
    ...DEFAULT_LOGISTICS_SETTINGS, ...stored,
    notices: { ...DEFAULT_LOGISTICS_SETTINGS.notices, ...stored?.notices },
  };
  const parsed = LogisticsSettings.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_LOGISTICS_SETTINGS;
}

/** Replaces shops.settings.logistics, keeping the shop's other settings (改价 limits …) as they are. */
export async function writeLogisticsSettings(db: Queryable, shopId: string, settings: LogisticsSettings) {
  const shop = await db.selectFrom('shops').select('settings').where('id', '=', shopId).executeTakeFirst();
  const all = { ...parseSettings(shop?.settings), logistics: settings };
  await db.updateTable('shops').set({ settings: JSON.stringify(all) }).where('id', '=', shopId).execute();
}
