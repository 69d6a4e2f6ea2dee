import type { AgentRole } from '@golddesk/contracts';

/** Which roles each role may hand out when adding a colleague. */
const MAY_CREATE: Record<AgentRole, readonly AgentRole[]> = {
  owner: ['owner', 'manager', 'presale', 'aftersale', 'support'],
  manager: ['presale', 'aftersale', 'support'],
  presale: [],
  aftersale: [],
  support: [],
};

export function mayCreateRole(actorRole: string, newRole: AgentRole): boolean {
  return (MAY_CREATE[actorRole as AgentRole] ?? []).includes(newRole);
}
