import { can, type Capability } from '@golddesk/contracts';
import type { AgentPrincipal } from '../../platform/http/auth.js';
import { requireCapability } from '../../platform/http/require-capability.js';

/** What may be changed about a customer: the `crm.<action>` rows of the capability table. */
type CrmAction = ActionOf<Capability>;
type ActionOf<C> = C extends `crm.${infer Action}` ? Action : never;

/** Throws forbidden unless the agent may do the action (their role's column of the shop's permissions matrix). */
export function requireCrm(agent: AgentPrincipal, action: CrmAction): void {
  requireCapability(agent, `crm.${action}`);
}

/** A note is edited or deleted by its author, or by the owner / a manager. */
export function mayChangeNote(agent: Pick<AgentPrincipal, 'agentId' | 'capabilities'>, authorId: string): boolean {
  return agent.agentId === authorId || can(agent, 'crm.change_any_note');
}
