import { BUILT_IN_ROLE_NAMES, CAPABILITY_LABELS, OWNER_ONLY_CAPABILITIES, type Capability } from '@golddesk/contracts';
import { AppError } from '../../platform/http/errors.js';
import type { ShopRoleRow } from './role.repository.js';

/** Names compare without case and surrounding spaces: 大促临时工 and " 大促临时工 " are one role. */
function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Refuses a name another role of the shop already has, built-in names included in both languages (a custom role
 * called 售前 or "Support" would be mistaken for the real one). `except`: the role being renamed.
 */
export function assertNameFree(name: string, roles: readonly ShopRoleRow[], except?: string): void {
  const wanted = nameKey(name);
  const builtIn = Object.values(BUILT_IN_ROLE_NAMES).some((names) => Object.values(names).some((n) => nameKey(n) === wanted));
  const custom = roles.some((row) => row.key !== except && row.name !== null && nameKey(row.name) === wanted);
  if (builtIn || custom) throw new AppError('role_name_taken', { name: name.trim() });
}

/** Refuses grants only the owner may hold: whoever held them could lock the owner out. */
export function assertGrantable(capabilities: readonly Capability[]): void {
  const ownerOnly = capabilities.find((capability) => OWNER_ONLY_CAPABILITIES.includes(capability));
  if (ownerOnly) {
    const label = CAPABILITY_LABELS[ownerOnly];
    throw new AppError('capability_owner_only', { capability: label.zh, capabilityEn: label.en });
  }
}

/** What another role starts with when copied: its grants minus those only the owner may hold. */
export function grantableCopy(capabilities: readonly Capability[]): Capability[] {
  return capabilities.filter((capability) => !OWNER_ONLY_CAPABILITIES.includes(capability));
}
