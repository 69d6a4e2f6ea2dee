import type { SearchMessagesResponse } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import { searchMessageIds, wordsForQuery } from '../../../platform/db/full-text-search.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { presentMessage } from '../message.presenter.js';
import { listConversationBuyers } from '../conversation.repository.js';
import { findMessagesByIds } from '../message.repository.js';

const MAX_HITS = 100;

/** Chat history of the whole shop by Chinese words: every word of the query must occur. */
export async function searchMessages(
  ctx: CommandContext<AgentPrincipal>,
  props: { q: string; limit?: number },
): Promise<SearchMessagesResponse> {
  const { storage } = ctx.app;
  const terms = wordsForQuery(props.q);
  const ids = await searchMessageIds(storage.db, storage.dialect, ctx.actor.shopId, terms, Math.min(props.limit ?? 50, MAX_HITS));
  const rows = await findMessagesByIds(storage.db, ctx.actor.shopId, ids);
  const conversationIds = [...new Set(rows.map((r) => r.conversation_id))];
  const buyers = await listConversationBuyers(storage.db, conversationIds);
  const buyerOf = new Map(buyers.map((b) => [b.id, { id: b.buyer_id, nick: b.nick }]));
  const order = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { terms, hits: rows.map((row) => ({ message: presentMessage(row), buyer: buyerOf.get(row.conversation_id)! })) };
}
