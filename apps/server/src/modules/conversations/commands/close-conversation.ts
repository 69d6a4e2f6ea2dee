import { serverText } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { writeSystemMessage } from '../../messages/commands/write-system-message.js';
import { publishStoredMessages } from '../../messages/message.events.js';
import { announceConversations } from '../conversation.events.js';
import { requireConversationAccess } from '../conversation.policy.js';
import { closeOpenConversation } from '../conversation.repository.js';

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
  const conversation = await requireConversationAccess(ctx, props.conversationId);
  const { app, actor } = ctx;
  const closedAt = app.now().toISOString();
  const farewell = await app.storage.db.transaction().execute(async (trx) => {
    if (!(await closeOpenConversation(trx, conversation.id, closedAt))) return null;
    const line = serverText('conversation.closed');
    return writeSystemMessage(trx, {
      shopId: actor.shopId, buyerId: conversation.buyer_id, body: line.text, payload: { notice: line.coded }, at: closedAt,
    });
  });
  if (farewell) {
    publishStoredMessages(app, [farewell], ['system']);
    app.bus.publish({
      type: 'conversation.closed', shopId: actor.shopId, conversationId: conversation.id, buyerId: conversation.buyer_id,
      closedBy: actor.agentId, closedAt,
    });
  }
  await announceConversations(app, actor.shopId, [conversation.id]);
}
