import { BUILT_IN_ROLE_NAMES, isBuiltInRole, type RoleView } from '@golddesk/contracts';
import type { Language } from '../../platform/http/errors.js';
import { capabilitiesOf } from '../auth/index.js';
import { limitsOf, type LimitTables } from './role-limits.js';
import type { ShopRoleRow } from './role.repository.js';

/** A role as the matrix shows it: a built-in one (stored only once the shop changed it) or one of the shop's own. */
export interface RoleParts {
  key: string;
  row: ShopRoleRow | undefined;
  agentCount: number;
  limits: LimitTables;
}

/** The role's name: built-in roles in the reader's language, the shop's own as the owner wrote it. */
export function roleNameOf(key: string, row: Pick<ShopRoleRow, 'name'> | undefined, language: Language): string {
  return isBuiltInRole(key) ? BUILT_IN_ROLE_NAMES[key][language] : (row?.name ?? key);
}

/** The only way a role leaves the server. */
export function presentRole(parts: RoleParts, language: Language): RoleView {
  const { key, row } = parts;
  return {
    key,
    name: roleNameOf(key, row, language),
    builtIn: isBuiltInRole(key),
    locked: key === 'owner',
    agentCount: parts.agentCount,
    capabilities: [...capabilitiesOf(key, row?.capabilities_json ?? null)],
    limits: limitsOf(key, parts.limits),
  };
}
