import { MAX_PAGE_SIZE, type ListMessagesQuery, type ListMessagesResponse } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import { requireConversationAccess } from '../conversation.policy.js';
import { presentMessage } from '../message.presenter.js';
import { listLatestMessages, listMessages } from '../message.repository.js';

const DEFAULT_PAGE_SIZE = 50;

/** History of a conversation, ascending: after a seq (catch-up), before a seq (scroll-back) or the latest page. */
export async function listConversationMessages(
  ctx: CommandContext,
  conversationId: string,
  query: ListMessagesQuery,
): Promise<ListMessagesResponse> {
  const conversation = await requireConversationAccess(ctx, conversationId);
  const limit = Math.min(query.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const db = ctx.app.storage.db;
  const page =
    query.afterSeq === undefined && query.beforeSeq === undefined
      ? await listLatestMessages(db, conversation.id, limit)
      : await listMessages(db, conversation.id, { afterSeq: query.afterSeq, beforeSeq: query.beforeSeq, limit });
  return { messages: page.rows.map(presentMessage), hasMore: page.hasMore };
}
