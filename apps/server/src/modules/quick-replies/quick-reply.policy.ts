import { can, type QuickReplyScope } from '@golddesk/contracts';
import type { AgentPrincipal } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import type { QuickReplyRow } from './quick-reply.repository.js';

/** Who owns phrases of a scope created by this agent: '' (the shop) for team, the agent for personal. */
export function ownerFor(agent: AgentPrincipal, scope: QuickReplyScope): string {
  return scope === 'team' ? '' : agent.agentId;
}

/** Team phrases: the owner and managers; personal phrases: only their agent. */
export function mayEditQuickReply(
  agent: Pick<AgentPrincipal, 'agentId' | 'capabilities'>,
  row: Pick<QuickReplyRow, 'scope' | 'owner_id'>,
): boolean {
  return row.scope === 'team' ? can(agent, 'quick_replies.edit_team') : row.owner_id === agent.agentId;
}

/** A phrase the agent may see: team ones, and their own personal ones (others' look missing). */
export function mayReadQuickReply(
  agent: Pick<AgentPrincipal, 'agentId'>,
  row: Pick<QuickReplyRow, 'scope' | 'owner_id'>,
): boolean {
  return row.scope === 'team' || row.owner_id === agent.agentId;
}

export function requireScopeEditor(agent: AgentPrincipal, scope: QuickReplyScope): void {
  if (scope === 'team' && !can(agent, 'quick_replies.edit_team')) throw new AppError('forbidden');
}
