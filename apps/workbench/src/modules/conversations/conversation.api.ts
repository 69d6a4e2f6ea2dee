import type { ConversationFilter, ConversationSummary, ListConversationsResponse } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';
import { conversationStore, setList, upsertSummary } from './conversation.store';

interface ConversationResponse {
  conversation: ConversationSummary;
}

const loading = new Map<ConversationFilter, Promise<void>>();

/** Loads one tab of the contacts list; callers asking for the same tab at once share one request. */
export function loadConversations(filter: ConversationFilter): Promise<void> {
  const running = loading.get(filter);
  if (running) return running;
  const load = (async () => {
    // 待接待 comes longest-waiting first, so the buyers who waited longest are never cut off by the limit.
    const sort = filter === 'waiting' ? 'waiting' : 'recent';
    const answer = await apiRequest<ListConversationsResponse>('/api/v1/conversations', { query: { filter, sort, limit: 200 } });
    setList(filter, answer.conversations);
  })().finally(() => loading.delete(filter));
  loading.set(filter, load);
  return load;
}

/** Loads a single conversation we have no summary for yet (a search hit, a brand-new buyer). */
export async function ensureConversation(id: string): Promise<ConversationSummary> {
  const known = conversationStore.get().byId[id];
  if (known) return known;
  const answer = await apiRequest<ConversationResponse>(`/api/v1/conversations/${encodeURIComponent(id)}`);
  upsertSummary(answer.conversation);
  return answer.conversation;
}

/** 接待: the signed-in agent takes the conversation. */
export async function takeConversation(id: string): Promise<void> {
  const answer = await apiRequest<ConversationResponse>(`/api/v1/conversations/${encodeURIComponent(id)}/assign`, {
    method: 'POST',
    body: {},
  });
  upsertSummary(answer.conversation);
}

/** 结束: closes the conversation. */
export async function closeConversation(id: string): Promise<void> {
  const answer = await apiRequest<ConversationResponse>(`/api/v1/conversations/${encodeURIComponent(id)}/close`, {
    method: 'POST',
    body: {},
  });
  upsertSummary(answer.conversation);
}

/** Tells the server the agent has seen everything up to `seq`. */
export async function markRead(id: string, seq: number): Promise<void> {
  const answer = await apiRequest<ConversationResponse>(`/api/v1/conversations/${encodeURIComponent(id)}/read`, {
    method: 'POST',
    body: { seq },
  });
  if (answer?.conversation) upsertSummary(answer.conversation);
}
