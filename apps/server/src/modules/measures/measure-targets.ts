import { DEFAULT_MEASURE_TARGETS, MeasureTargets } from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { readShopSettingsJson, shopSettingOf, writeShopSetting } from '../shops/index.js';

const KEY = 'measureTargets';

/** The shop's targets (绩效目标) over the marketplace's usual bars. */
export async function readMeasureTargets(db: Queryable, shopId: string): Promise<MeasureTargets> {
  return shopSettingOf(await readShopSettingsJson(db, shopId), KEY, MeasureTargets, DEFAULT_MEASURE_TARGETS);
}

export async function writeMeasureTargets(db: Queryable, shopId: string, targets: MeasureTargets): Promise<void> {
  await writeShopSetting(db, shopId, KEY, targets);
}
