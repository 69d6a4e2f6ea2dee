import { can } from '@golddesk/contracts';
import type { CommandContext } from '../../platform/app-context.js';
import type { AgentPrincipal } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import { requireCapability } from '../../platform/http/require-capability.js';
import { findConversation } from '../conversations/index.js';

/**
 * Who sends a rating invitation by hand: an agent serving buyers, on a buyer nobody serves or their own; a colleague's
 * buyer is the managers' (as taking them over is).
 */
export async function requireInvitingAgent(ctx: CommandContext<AgentPrincipal>, conversationId: string) {
  const { actor, app } = ctx;
  const conversation = await findConversation(app.storage.db, actor.shopId, conversationId);
  if (!conversation) throw new AppError('not_found', { thing: 'conversation' });
  requireCapability(actor, 'conversations.serve');
  const colleagues = conversation.assignee_id !== null && conversation.assignee_id !== actor.agentId;
  if (colleagues && !can(actor, 'conversations.take_over')) throw new AppError('forbidden');
  return conversation;
}
