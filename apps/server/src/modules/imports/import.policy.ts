import type { AgentRole } from '@golddesk/contracts';

/** Imports rewrite the catalogue and orders: the shop's managers and support staff, not the front-line chat roles. */
const IMPORT_ROLES: readonly AgentRole[] = ['owner', 'manager', 'support'];

export function mayImport(role: string): boolean {
  return IMPORT_ROLES.includes(role as AgentRole);
}
