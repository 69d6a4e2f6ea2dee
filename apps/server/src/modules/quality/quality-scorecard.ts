import { DEFAULT_QUALITY_SCORECARD, QualityScorecard, type QualityScorecardResponse } from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { readShopSettingsJson, storedShopSetting, writeShopSetting } from '../shops/index.js';

const KEY = 'qualityScorecard';

/** The shop's scorecard (评分表), or the built-in one when it has none (or what is stored no longer fits). */
export async function readQualityScorecard(db: Queryable, shopId: string): Promise<QualityScorecardResponse> {
  const stored = storedShopSetting(await readShopSettingsJson(db, shopId), KEY);
  if (stored === undefined || stored === null) return { scorecard: DEFAULT_QUALITY_SCORECARD, isDefault: true };
  const parsed = QualityScorecard.safeParse(stored);
  return parsed.success
    ? { scorecard: parsed.data, isDefault: false }
    : { scorecard: DEFAULT_QUALITY_SCORECARD, isDefault: true };
}

/** Replaces the shop's scorecard. */
export async function writeQualityScorecard(db: Queryable, shopId: string, scorecard: QualityScorecard): Promise<void> {
  await writeShopSetting(db, shopId, KEY, scorecard);
}
