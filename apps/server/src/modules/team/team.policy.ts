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

/**
 * Who may disable, enable or force out a colleague: the owner anyone else; a manager the front-line roles
 * (never the owner, another manager or themselves). Nobody disables themselves (the caller checks that).
 */
export function mayManageAgent(actor: { agentId: string; role: string }, target: { id: string; role: string }): boolean {
  if (actor.agentId === target.id) return false;
  if (actor.role === 'owner') return true;
  return actor.role === 'manager' && ['presale', 'aftersale', 'support'].includes(target.role);
}
