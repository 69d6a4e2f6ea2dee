import type { ConversationFilter, ConversationSummary, Message } from '@golddesk/contracts';
import { createStore } from '../../platform/store';

export interface ConversationState {
  /** Every summary we know of, whichever tab it came from. */
  byId: Record<string, ConversationSummary>;
  /** Conversation ids per tab, most recent first; null until the tab was loaded. */
  lists: Record<ConversationFilter, string[] | null>;
  activeFilter: ConversationFilter;
  activeId: string | null;
  /** The signed-in agent, used to decide membership of the "mine" tab on live updates. */
  agentId: string | null;
}

export const conversationStore = createStore<ConversationState>({
  byId: {},
  lists: { waiting: null, mine: null, all: null },
  activeFilter: 'waiting',
  activeId: null,
  agentId: null,
});

/** Whether a summary belongs in a tab, for live updates between reloads of the tab. */
export function matchesFilter(summary: ConversationSummary, filter: ConversationFilter, agentId: string | null): boolean {
  if (filter === 'all') return summary.lastSeq > 0;
  if (summary.status !== 'open') return false;
  if (filter === 'mine') return summary.assignee?.id === agentId;
  // 待接待: nobody has taken it yet and the buyer is waiting for an answer (matches the server's filter).
  return summary.assignee === null && summary.waitingSince !== null;
}

function byRecency(byId: Record<string, ConversationSummary>) {
  return (a: string, b: string) => Date.parse(byId[b]?.updatedAt ?? '') - Date.parse(byId[a]?.updatedAt ?? '');
}

/** Stores a tab's list as the server returned it. */
export function setList(filter: ConversationFilter, conversations: ConversationSummary[]): void {
  conversationStore.set((state) => {
    const byId = { ...state.byId };
    for (const summary of conversations) byId[summary.id] = summary;
    return { ...state, byId, lists: { ...state.lists, [filter]: conversations.map((c) => c.id) } };
  });
}

/** Replaces one summary and moves it into / out of each loaded tab. */
export function upsertSummary(incoming: ConversationSummary): void {
  conversationStore.set((state) => {
    const previous = state.byId[incoming.id];
    // Frames can arrive out of order with HTTP answers; never step back to an older last message.
    const summary =
      previous && previous.lastSeq > incoming.lastSeq
        ? { ...incoming, lastSeq: previous.lastSeq, lastMessage: previous.lastMessage, updatedAt: previous.updatedAt }
        : incoming;
    const byId = { ...state.byId, [summary.id]: summary };
    const lists = { ...state.lists };
    for (const filter of ['waiting', 'mine', 'all'] as const) {
      const ids = lists[filter];
      if (!ids) continue;
      const without = ids.filter((id) => id !== summary.id);
      const next = matchesFilter(summary, filter, state.agentId) ? [...without, summary.id] : without;
      lists[filter] = next.sort(byRecency(byId));
    }
    return { ...state, byId, lists };
  });
}

/**
 * Reflects a new message in its summary right away; the server's conversation.updated, when it
 * comes, replaces this guess with the truth.
 */
export function applyMessageToSummary(message: Message, viewing: boolean): void {
  const summary = conversationStore.get().byId[message.conversationId];
  if (!summary || message.seq <= summary.lastSeq) return;
  const fromBuyer = message.sender === 'buyer';
  upsertSummary({
    ...summary,
    lastMessage: message,
    lastSeq: message.seq,
    updatedAt: message.createdAt > summary.updatedAt ? message.createdAt : summary.updatedAt,
    unreadCount: fromBuyer && !viewing ? summary.unreadCount + 1 : summary.unreadCount,
    waitingSince: fromBuyer ? (summary.waitingSince ?? message.createdAt) : message.sender === 'agent' ? null : summary.waitingSince,
  });
}

export function setActiveConversation(id: string | null): void {
  conversationStore.set((state) => (state.activeId === id ? state : { ...state, activeId: id }));
}

export function setActiveFilter(filter: ConversationFilter): void {
  conversationStore.set((state) => ({ ...state, activeFilter: filter }));
}

export function resetConversations(agentId: string | null): void {
  conversationStore.set({ byId: {}, lists: { waiting: null, mine: null, all: null }, activeFilter: 'waiting', activeId: null, agentId });
}
