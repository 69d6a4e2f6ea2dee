import type { CommandContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import { findConversation } from './conversation.repository.js';

/**
 * Agents reach every conversation of their own shop (routing by role narrows this later);
 * a buyer reaches only the one conversation their token names.
 */
export async function requireConversationAccess(ctx: CommandContext, conversationId: string) {
  const { actor, app } = ctx;
  if (actor.kind === 'buyer' && actor.conversationId !== conversationId) throw new AppError('forbidden');
  const conversation = await findConversation(app.storage.db, actor.shopId, conversationId);
  if (!conversation) throw new AppError('not_found', { thing: 'conversation' });
  return conversation;
}
