import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { announceConversations } from '../conversation.events.js';
import { requireConversationAccess } from '../conversation.policy.js';
import { updateConversation } from '../conversation.repository.js';

export interface AssignConversationProps {
  conversationId: string;
}

/** An agent takes a conversation (接待): it moves from 待接待 to their 我的 list. */
export async function assignConversation(ctx: CommandContext<AgentPrincipal>, props: AssignConversationProps) {
  const conversation = await requireConversationAccess(ctx, props.conversationId);
  await updateConversation(ctx.app.storage.db, conversation.id, {
    assignee_id: ctx.actor.agentId, status: 'open', updated_at: ctx.app.now().toISOString(),
  });
  await announceConversations(ctx.app, ctx.actor.shopId, [conversation.id]);
}
