import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { announceConversations } from '../conversation.events.js';
import { requireConversationAccess } from '../conversation.policy.js';
import { updateConversation } from '../conversation.repository.js';

export interface CloseConversationProps {
  conversationId: string;
}

/** Ends a service session (结束接待); the buyer's next message reopens it in 待接待. */
export async function closeConversation(ctx: CommandContext<AgentPrincipal>, props: CloseConversationProps) {
  const conversation = await requireConversationAccess(ctx, props.conversationId);
  await updateConversation(ctx.app.storage.db, conversation.id, {
    status: 'closed', waiting_since: null, updated_at: ctx.app.now().toISOString(),
  });
  await announceConversations(ctx.app, ctx.actor.shopId, [conversation.id]);
}
