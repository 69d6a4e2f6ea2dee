import type { SatisfactionRatingView } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { findConversation } from '../../conversations/index.js';
import { presentRating } from '../satisfaction.presenter.js';
import { listConversationRatings } from '../satisfaction.repository.js';

/** Every invitation of a conversation and its rating, oldest first (the chat shows them among the messages). */
export async function conversationRatings(
  ctx: CommandContext<AgentPrincipal>,
  conversationId: string,
): Promise<SatisfactionRatingView[]> {
  const db = ctx.app.storage.db;
  if (!(await findConversation(db, ctx.actor.shopId, conversationId))) throw new AppError('not_found', { thing: 'conversation' });
  return (await listConversationRatings(db, ctx.actor.shopId, conversationId)).map(presentRating);
}
