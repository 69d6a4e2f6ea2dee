import type { z } from 'zod';
import type { Queryable } from '../../platform/db/database.js';
import { findShopSettings, updateShopSettings } from './shop.repository.js';

/**
 * shops.settings is one JSON object; each module keeps its settings under a key of its own
 * (logistics, shopHours, paymentReminders, discountLimits …) and never touches the others.
 */
function parseAll(text: string | null | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** What is stored under `key` (undefined when nothing or unreadable). */
export function storedShopSetting(settingsJson: string | null | undefined, key: string): unknown {
  return parseAll(settingsJson)[key];
}

/** The setting under `key` over its defaults (shallow), or the defaults when what is stored no longer fits. */
export function shopSettingOf<T extends object>(
  settingsJson: string | null | undefined,
  key: string,
  schema: z.ZodType<T>,
  defaults: T,
): T {
  const stored = storedShopSetting(settingsJson, key);
  const parsed = schema.safeParse({ ...defaults, ...(stored && typeof stored === 'object' ? stored : {}) });
  return parsed.success ? parsed.data : defaults;
}

/** The shop's raw settings JSON. */
export async function readShopSettingsJson(db: Queryable, shopId: string): Promise<string | null> {
  const shop = await findShopSettings(db, shopId);
  return shop?.settings ?? null;
}

/** Replaces the setting under `key`, keeping the shop's other settings as they are. */
export async function writeShopSetting(db: Queryable, shopId: string, key: string, value: unknown): Promise<void> {
  const all = { ...parseAll(await readShopSettingsJson(db, shopId)), [key]: value };
  await updateShopSettings(db, shopId, JSON.stringify(all));
}
