import { mayManageRole, type CapabilityHolder } from '@golddesk/contracts';

/** Whether the agent may give a new colleague `newRole` (the `team.manage_<role>` capabilities; custom roles share one). */
export function mayCreateRole(actor: CapabilityHolder, newRole: string): boolean {
  return mayManageRole(actor, newRole);
}

/**
 * Who may disable, enable or force out a colleague: by default the owner anyone else; a manager the front-line roles,
 * trainees and the shop's own roles (never the owner, another manager or themselves). Nobody disables themselves (the
 * caller checks that).
 */
export function mayManageAgent(actor: CapabilityHolder & { agentId: string }, target: { id: string; role: string }): boolean {
  return actor.agentId !== target.id && mayManageRole(actor, target.role);
}
