import { inTransaction, type CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { announceConversations } from '../conversation.events.js';
import { requireConversationAccess } from '../conversation.policy.js';
import { lockConversation, updateConversation } from '../conversation.repository.js';
import { moveConversation } from '../conversation.state-machine.js';

export interface AssignConversationProps {
  conversationId: string;
}

/**
 * An agent takes a conversation (接待): it moves from 待接待 to their 我的 list (or from a colleague's, as before).
 * A closed conversation is refused (conversation_state_forbids): the buyer's next message reopens it.
 */
export async function assignConversation(ctx: CommandContext<AgentPrincipal>, props: AssignConversationProps) {
  const { app, actor } = ctx;
  await inTransaction(ctx, async (inner) => {
    const { trx, afterCommit } = inner.transaction;
    await requireConversationAccess(inner, props.conversationId);
    const conversation = (await lockConversation(trx, actor.shopId, props.conversationId))!;
    const at = app.now().toISOString();
    await updateConversation(trx, conversation.id, {
      ...moveConversation(conversation, 'take', { agentId: actor.agentId, at }),
      updated_at: at,
    });
    afterCommit(() => announceConversations(app, actor.shopId, [conversation.id]));
  });
}
