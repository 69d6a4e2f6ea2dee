import { BUILT_IN_GROUPS, DEFAULT_ROUTING_SETTINGS, RoutingSettings } from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { readShopSettingsJson, shopSettingOf, writeShopSetting } from '../shops/index.js';

const KEY = 'routing';

/** The shop's routing settings over the defaults, with the built-in groups always present. */
export async function readRoutingSettings(db: Queryable, shopId: string): Promise<RoutingSettings> {
  const stored = shopSettingOf(await readShopSettingsJson(db, shopId), KEY, RoutingSettings, DEFAULT_ROUTING_SETTINGS);
  return withBuiltInGroups(stored);
}

export async function writeRoutingSettings(db: Queryable, shopId: string, settings: RoutingSettings): Promise<void> {
  await writeShopSetting(db, shopId, KEY, settings);
}

function withBuiltInGroups(settings: RoutingSettings): RoutingSettings {
  const missing = BUILT_IN_GROUPS.filter((key) => !settings.groups.some((group) => group.key === key));
  if (missing.length === 0) return settings;
  return {
    ...settings,
    groups: [...missing.map((key) => ({ key, name: '', strategy: 'least_busy' as const })), ...settings.groups],
  };
}

/**
 * Refuses settings that point at groups the shop does not have (a rule or the default group), or name a group twice;
 * the built-in groups are added when left out.
 */
export function checkRoutingSettings(settings: RoutingSettings): RoutingSettings {
  const complete = withBuiltInGroups(settings);
  const keys = complete.groups.map((group) => group.key);
  const twice = keys.find((key, index) => keys.indexOf(key) !== index);
  if (twice) throw new AppError('invalid_input', { detail: `groups: "${twice}" twice` });
  const known = new Set(keys);
  if (!known.has(complete.defaultGroup)) {
    throw new AppError('routing_group_unknown', { group: complete.defaultGroup });
  }
  for (const rule of complete.rules) {
    if (!known.has(rule.group)) throw new AppError('routing_group_unknown', { group: rule.group });
  }
  return complete;
}

/** The groups an agent of `role` belongs to until someone sets theirs. */
export function defaultGroupsOfRole(role: string): string[] {
  return (BUILT_IN_GROUPS as readonly string[]).includes(role) ? [role] : [];
}
