import { mayDoCrm, type CrmAction } from '@golddesk/contracts';
import type { AgentPrincipal } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';

/** Throws forbidden unless the agent's role may do the action (CRM_ROLES in the contracts, shared with the workbench). */
export function requireCrm(agent: AgentPrincipal, action: CrmAction): void {
  if (!mayDoCrm(agent.role, action)) throw new AppError('forbidden');
}

/** A note is edited or deleted by its author, or by the owner / a manager. */
export function mayChangeNote(agent: Pick<AgentPrincipal, 'agentId' | 'role'>, authorId: string): boolean {
  return agent.agentId === authorId || agent.role === 'owner' || agent.role === 'manager';
}
