import { DEFAULT_SATISFACTION_SETTINGS, SatisfactionSettings } from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { readShopSettingsJson, shopSettingOf, writeShopSetting } from '../shops/index.js';

const KEY = 'satisfaction';

/** The shop's 满意度 settings (shops.settings.satisfaction), defaults filled in. */
export function satisfactionSettingsOf(settingsJson: string | null | undefined): SatisfactionSettings {
  return shopSettingOf(settingsJson, KEY, SatisfactionSettings, DEFAULT_SATISFACTION_SETTINGS);
}

export async function readSatisfactionSettings(db: Queryable, shopId: string): Promise<SatisfactionSettings> {
  return satisfactionSettingsOf(await readShopSettingsJson(db, shopId));
}

/** Replaces shops.settings.satisfaction, keeping the shop's other settings as they are. */
export async function writeSatisfactionSettings(db: Queryable, shopId: string, settings: SatisfactionSettings): Promise<void> {
  await writeShopSetting(db, shopId, KEY, settings);
}
