import { mayManageRole, type AgentRole } from '@golddesk/contracts';

/** Whether `actorRole` may give a new colleague `newRole` (the `team.manage_<role>` capabilities). */
export function mayCreateRole(actorRole: string, newRole: AgentRole): boolean {
  return mayManageRole(actorRole, newRole);
}

/**
 * Who may disable, enable or force out a colleague: the owner anyone else; a manager the front-line roles
 * (never the owner, another manager or themselves). Nobody disables themselves (the caller checks that).
 */
export function mayManageAgent(actor: { agentId: string; role: string }, target: { id: string; role: string }): boolean {
  return actor.agentId !== target.id && mayManageRole(actor.role, target.role);
}
