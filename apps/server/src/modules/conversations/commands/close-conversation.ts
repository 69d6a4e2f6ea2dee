import { serverText } from '@golddesk/contracts';
import { inTransaction, type CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { writeSystemMessage } from '../commands/write-system-message.js';
import { publishStoredMessages } from '../message.events.js';
import { announceConversations } from '../conversation.events.js';
import { requireConversationAccess } from '../conversation.policy.js';
import { lockConversation, updateConversation } from '../conversation.repository.js';
import { conversationState, moveConversation } from '../conversation.state-machine.js';

export interface CloseConversationProps {
  conversationId: string;
}

/**
 * Ends a service session (结束接待); the buyer's next message reopens it in 待接待. The buyer reads a farewell line
 * (a coded system text, so agents reading in English see it in English), written with the closing in one
 * transaction; only the call that actually closes writes it, so a second 结束 (or another process's) adds nothing.
 * After the commit, `conversation.closed` is the hook for what follows a session (the rating invite).
 */
export async function closeConversation(ctx: CommandContext<AgentPrincipal>, props: CloseConversationProps) {
  const { app, actor } = ctx;
  await inTransaction(ctx, async (inner) => {
    const { trx, afterCommit } = inner.transaction;
    await requireConversationAccess(inner, props.conversationId);
    const conversation = (await lockConversation(trx, actor.shopId, props.conversationId))!;
    const announce = () => announceConversations(app, actor.shopId, [conversation.id]);
    // Closed already: 结束 twice is answered as done, with nothing written.
    if (conversationState(conversation) === 'closed') return afterCommit(announce);
    const closedAt = app.now().toISOString();
    await updateConversation(trx, conversation.id, {
      ...moveConversation(conversation, 'close', { at: closedAt }),
      updated_at: closedAt,
    });
    const line = serverText('conversation.closed');
    const farewell = await writeSystemMessage(trx, {
      shopId: actor.shopId,
      buyerId: conversation.buyer_id,
      body: line.text,
      payload: { notice: line.coded },
      at: closedAt,
    });
    afterCommit(() => {
      publishStoredMessages(app, [farewell], ['system']);
      app.bus.publish({
        type: 'conversation.closed',
        shopId: actor.shopId,
        conversationId: conversation.id,
        buyerId: conversation.buyer_id,
        closedBy: actor.agentId,
        closedAt,
      });
    });
    afterCommit(announce);
  });
}
