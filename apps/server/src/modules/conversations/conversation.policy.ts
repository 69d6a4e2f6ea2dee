import type { CommandContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import { findConversation, findConversationParties } from './conversation.repository.js';

/**
 * Agents reach every conversation of their own shop (routing by role narrows this later);
 * a buyer reaches only the one conversation their token names.
 */
export async function requireConversationAccess(ctx: CommandContext, conversationId: string) {
  const { actor, app } = ctx;
  if (actor.kind === 'buyer' && actor.conversationId !== conversationId) throw new AppError('forbidden');
  // Inside a caller's transaction, read there (SQLite has one connection: a read beside it would wait for it).
  const conversation = await findConversation(ctx.transaction?.trx ?? app.storage.db, actor.shopId, conversationId);
  if (!conversation) throw new AppError('not_found', { thing: 'conversation' });
  return conversation;
}

// A conversation never changes shop, so the answer can be remembered (bounded per process).
const shopOfConversation = new WeakMap<object, Map<string, string>>();
const REMEMBERED_CONVERSATIONS = 50_000;

/**
 * The cheap check for the hot path (sending): the conversation is the buyer's own, or belongs to the
 * agent's shop. No database read once a conversation has been seen.
 */
export async function requireConversationInShop(ctx: CommandContext, conversationId: string): Promise<void> {
  const { actor, app } = ctx;
  if (actor.kind === 'buyer') {
    if (actor.conversationId !== conversationId) throw new AppError('forbidden');
    return;
  }
  let known = shopOfConversation.get(app);
  if (!known) shopOfConversation.set(app, (known = new Map()));
  let shopId = known.get(conversationId);
  if (shopId === undefined) {
    const row = await findConversationParties(app.storage.db, conversationId);
    if (!row) throw new AppError('not_found', { thing: 'conversation' });
    shopId = row.shop_id;
    if (known.size >= REMEMBERED_CONVERSATIONS) known.clear();
    known.set(conversationId, shopId);
  }
  if (shopId !== actor.shopId) throw new AppError('not_found', { thing: 'conversation' });
}
