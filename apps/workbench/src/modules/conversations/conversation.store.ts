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

/** 待接待: the buyer who has waited longest first, ties as the server's sort=waiting breaks them (recency, then id). */
function byWait(byId: Record<string, ConversationSummary>) {
  const recency = byRecency(byId);
  const since = (id: string) => Date.parse(byId[id]?.waitingSince ?? '') || Number.MAX_SAFE_INTEGER;
  return (a: string, b: string) => since(a) - since(b) || recency(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The order a tab shows: 待接待 by wait, the others by most recent activity. */
export function tabOrder(filter: ConversationFilter, byId: Record<string, ConversationSummary>) {
  return filter === 'waiting' ? byWait(byId) : byRecency(byId);
}

/** Stores a tab's list as the server returned it (in the tab's order). */
export function setList(filter: ConversationFilter, conversations: ConversationSummary[]): void {
  conversationStore.set((state) => {
    const byId = { ...state.byId };
    for (const summary of conversations) byId[summary.id] = summary;
    const ids = conversations.map((c) => c.id).sort(tabOrder(filter, byId));
    return { ...state, byId, lists: { ...state.lists, [filter]: ids } };
  });
}

/** Replaces one summary and moves it into / out of each loaded tab. */
export function upsertSummary(incoming: ConversationSummary): void {
  conversationStore.set((state) => {
    const previous = state.byId[incoming.id];
    // Frames can arrive out of order with HTTP answers; never step back to an older last message.
    const summary =
      previous && previous.lastSeq > incoming.lastSeq
        ? {
            ...incoming,
            lastSeq: previous.lastSeq,
            lastMessage: previous.lastMessage,
            lastBuyerMessage: newerOf(previous.lastBuyerMessage, incoming.lastBuyerMessage),
            updatedAt: previous.updatedAt,
          }
        : incoming;
    const byId = { ...state.byId, [summary.id]: summary };
    const lists = { ...state.lists };
    for (const filter of ['waiting', 'mine', 'all'] as const) {
      const ids = lists[filter];
      if (!ids) continue;
      const without = ids.filter((id) => id !== summary.id);
      const next = matchesFilter(summary, filter, state.agentId) ? [...without, summary.id] : without;
      lists[filter] = next.sort(tabOrder(filter, byId));
    }
    return { ...state, byId, lists };
  });
}

function newerOf(a: Message | null | undefined, b: Message | null | undefined): Message | null {
  if (!a || !b) return a ?? b ?? null;
  return a.seq >= b.seq ? a : b;
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
    lastBuyerMessage: fromBuyer ? message : summary.lastBuyerMessage,
    lastSeq: message.seq,
    updatedAt: message.createdAt > summary.updatedAt ? message.createdAt : summary.updatedAt,
    unreadCount: fromBuyer && !viewing ? summary.unreadCount + 1 : summary.unreadCount,
    waitingSince: fromBuyer
      ? (summary.waitingSince ?? message.createdAt)
      : message.sender === 'agent'
        ? null
        : summary.waitingSince,
  });
}

export function setActiveConversation(id: string | null): void {
  conversationStore.set((state) => (state.activeId === id ? state : { ...state, activeId: id }));
}

export function setActiveFilter(filter: ConversationFilter): void {
  conversationStore.set((state) => ({ ...state, activeFilter: filter }));
}

export function resetConversations(agentId: string | null): void {
  conversationStore.set({
    byId: {},
    lists: { waiting: null, mine: null, all: null },
    activeFilter: 'waiting',
    activeId: null,
    agentId,
  });
}

/** Unread buyer messages across the agent's own (我的) conversations: the tab's badge. */
export function unreadInMine(state: ConversationState): number {
  return (state.lists.mine ?? []).reduce((sum, id) => sum + (state.byId[id]?.unreadCount ?? 0), 0);
}

/**
 * Buyers who need the agent now: everyone in 待接待 and the agent's own conversations with unread messages. The
 * browser tab's title shows it, so a hidden tab still tells.
 */
export function attentionCount(state: ConversationState): number {
  const ids = new Set(state.lists.waiting ?? []);
  for (const id of state.lists.mine ?? []) if ((state.byId[id]?.unreadCount ?? 0) > 0) ids.add(id);
  return ids.size;
}
