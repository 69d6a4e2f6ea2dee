import type { CommandContext } from '../../../platform/app-context.js';
import { announceConversations } from '../conversation.events.js';
import { requireConversationAccess } from '../conversation.policy.js';
import { updateConversation } from '../conversation.repository.js';

export interface MarkReadProps {
  conversationId: string;
  /** Seen up to this seq; never moves backwards and never past the last message. */
  seq: number;
}

/** The buyer or the shop has seen the conversation up to a seq; the other side is told. */
export async function markRead(ctx: CommandContext, props: MarkReadProps): Promise<{ seq: number; changed: boolean }> {
  const conversation = await requireConversationAccess(ctx, props.conversationId);
  const side = ctx.actor.kind === 'agent' ? 'agent' : 'buyer';
  const current = Number(side === 'agent' ? conversation.agent_read_seq : conversation.buyer_read_seq);
  const seq = Math.min(props.seq, Number(conversation.last_seq));
  if (seq <= current) return { seq: current, changed: false };
  await updateConversation(
    ctx.app.storage.db,
    conversation.id,
    side === 'agent' ? { agent_read_seq: seq } : { buyer_read_seq: seq },
  );
  ctx.app.bus.publish({ type: 'conversation.read', shopId: ctx.actor.shopId, conversationId: conversation.id, side, seq });
  if (side === 'agent') await announceConversations(ctx.app, ctx.actor.shopId, [conversation.id]);
  return { seq, changed: true };
}
