import { can } from '@golddesk/contracts';
import { inTransaction, type CommandContext } from '../../../platform/app-context.js';
import { AppError } from '../../../platform/http/errors.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { newId } from '../../../platform/ids.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { announceConversations } from '../conversation.events.js';
import { requireConversationAccess } from '../conversation.policy.js';
import { insertAssignment, lockConversation, updateConversation } from '../conversation.repository.js';
import { moveConversation } from '../conversation.state-machine.js';

export interface AssignConversationProps {
  conversationId: string;
}

/**
 * An agent takes a conversation (接待): it moves from 待接待 to their 我的 list. Taking a colleague's buyer is a
 * take-over (接管), for those who may (managers). A closed conversation is refused (conversation_state_forbids): the
 * buyer's next message reopens it. Recorded as an assignment event (who had the buyer when).
 */
export async function assignConversation(ctx: CommandContext<AgentPrincipal>, props: AssignConversationProps) {
  const { app, actor } = ctx;
  await inTransaction(ctx, async (inner) => {
    const { trx, afterCommit } = inner.transaction;
    await requireConversationAccess(inner, props.conversationId);
    requireCapability(actor, 'conversations.serve');
    const conversation = (await lockConversation(trx, actor.shopId, props.conversationId))!;
    const from = conversation.status === 'open' ? conversation.assignee_id : null;
    if (from === actor.agentId) return;
    if (from && !can(actor, 'conversations.take_over')) throw new AppError('forbidden');
    const at = app.now().toISOString();
    await updateConversation(trx, conversation.id, {
      ...moveConversation(conversation, 'take', { agentId: actor.agentId, at }),
      assigned_at: at,
      handoff_json: null,
      updated_at: at,
    });
    await insertAssignment(trx, {
      id: newId(),
      shop_id: actor.shopId,
      conversation_id: conversation.id,
      kind: from ? 'taken_over' : 'taken',
      agent_id: actor.agentId,
      from_agent_id: from,
      group_key: conversation.group_key ?? null,
      actor_id: actor.agentId,
      note: null,
      at,
    });
    afterCommit(() => announceConversations(app, actor.shopId, [conversation.id]));
  });
}
