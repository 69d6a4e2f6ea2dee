import {
  BUILT_IN_ROLES,
  CAPABILITY_GROUP_NAMES,
  CAPABILITY_KEYS,
  CAPABILITY_LABELS,
  CapabilityGroup,
  OWNER_ONLY_CAPABILITIES,
  type ListRolesResponse,
  type RoleView,
} from '@golddesk/contracts';
import type { Queryable } from '../../../platform/db/database.js';
import type { Language } from '../../../platform/http/errors.js';
import { readLimitTables } from '../role-limits.js';
import { presentRole } from '../role.presenter.js';
import { countAgentsByRole, listShopRoles } from '../role.repository.js';

/** Every role of the shop as the matrix shows it: the built-in ones in their order, then the shop's own. */
export async function listRoleViews(db: Queryable, shopId: string, language: Language): Promise<RoleView[]> {
  const [rows, counts, limits] = await Promise.all([
    listShopRoles(db, shopId),
    countAgentsByRole(db, shopId),
    readLimitTables(db, shopId),
  ]);
  const stored = new Map(rows.map((row) => [row.key, row]));
  const keys = [...BUILT_IN_ROLES, ...rows.map((row) => row.key).filter((key) => !BUILT_IN_ROLES.includes(key as never))];
  return keys.map((key) => presentRole({ key, row: stored.get(key), agentCount: counts.get(key) ?? 0, limits }, language));
}

/** GET /api/v1/team/roles: the matrix with its rows (capabilities with their names and groups). */
export async function listRoles(db: Queryable, shopId: string, language: Language): Promise<ListRolesResponse> {
  return {
    roles: await listRoleViews(db, shopId, language),
    capabilities: CAPABILITY_KEYS.map((key) => ({
      key,
      ...CAPABILITY_LABELS[key],
      ownerOnly: OWNER_ONLY_CAPABILITIES.includes(key),
    })),
    groups: CapabilityGroup.options.map((key) => ({ key, ...CAPABILITY_GROUP_NAMES[key] })),
  };
}

/** One role of the shop (built-in or its own), or undefined when the shop has no such role. */
export async function findRoleView(
  db: Queryable,
  shopId: string,
  key: string,
  language: Language,
): Promise<RoleView | undefined> {
  return (await listRoleViews(db, shopId, language)).find((role) => role.key === key);
}
