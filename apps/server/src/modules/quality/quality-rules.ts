import { DEFAULT_QUALITY_RULES, QualityRules, type QualityRule } from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { readShopSettingsJson, storedShopSetting, writeShopSetting } from '../shops/index.js';

const KEY = 'qualityRules';

/** The shop's 质检 rules and whether they are still the built-in ones. */
export interface ShopQualityRules {
  rules: QualityRule[];
  isDefault: boolean;
}

/** The shop's own rule set, or the built-in one when it has none (or what is stored no longer fits). */
export async function readQualityRules(db: Queryable, shopId: string): Promise<ShopQualityRules> {
  const stored = storedShopSetting(await readShopSettingsJson(db, shopId), KEY);
  if (stored === undefined || stored === null) return { rules: DEFAULT_QUALITY_RULES, isDefault: true };
  const parsed = QualityRules.safeParse(stored);
  return parsed.success ? { rules: parsed.data, isDefault: false } : { rules: DEFAULT_QUALITY_RULES, isDefault: true };
}

/** Replaces the shop's rule set; null goes back to the built-in rules. */
export async function writeQualityRules(db: Queryable, shopId: string, rules: QualityRule[] | null): Promise<void> {
  await writeShopSetting(db, shopId, KEY, rules ?? undefined);
}
