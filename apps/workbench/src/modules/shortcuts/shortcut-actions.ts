import type { ConversationFilter } from '@golddesk/contracts';
import { conversationStore, setActiveConversation, setActiveFilter } from '../conversations';

/** Opens a conversation from a tab, showing that tab so its row is highlighted in the list. */
function open(filter: ConversationFilter, id: string): string {
  setActiveFilter(filter);
  setActiveConversation(id);
  return id;
}

/** Alt+↓ / Alt+↑: the next (or previous) buyer in 待接待, longest wait first, wrapping round; null when nobody waits. */
export function stepWaiting(direction: 1 | -1): string | null {
  const { lists, activeId } = conversationStore.get();
  const ids = lists.waiting ?? [];
  if (ids.length === 0) return null;
  const at = activeId ? ids.indexOf(activeId) : -1;
  const next = at === -1 ? (direction === 1 ? 0 : ids.length - 1) : (at + direction + ids.length) % ids.length;
  if (ids[next] === activeId) return null;
  return open('waiting', ids[next]!);
}

/**
 * Alt+N: the next conversation with unread buyer messages after the open one, among the agent's own (我的) and then the
 * waiting buyers (待接待), wrapping round. Other agents' buyers are theirs to read.
 */
export function nextUnread(): string | null {
  const { lists, byId, activeId } = conversationStore.get();
  const order: [ConversationFilter, string][] = [];
  const seen = new Set<string>();
  for (const filter of ['mine', 'waiting'] as const) {
    for (const id of lists[filter] ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      order.push([filter, id]);
    }
  }
  const at = order.findIndex(([, id]) => id === activeId);
  const after = [...order.slice(at + 1), ...order.slice(0, Math.max(at, 0))];
  const found = after.find(([, id]) => id !== activeId && (byId[id]?.unreadCount ?? 0) > 0);
  return found ? open(found[0], found[1]) : null;
}
