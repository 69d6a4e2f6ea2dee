import type { Message, MessageKind } from '@golddesk/contracts';
import { createStore } from '../../platform/store';

/** An agent message shown before the server acknowledged it. */
export interface PendingMessage {
  clientMsgId: string;
  conversationId: string;
  kind: MessageKind;
  body: string;
  state: 'sending' | 'failed';
  createdAt: string;
  attachmentId?: string;
  /** The pasted/picked file, kept so a failed upload can be retried. */
  file?: File;
  /** A local object URL so the image shows while it uploads. */
  previewUrl?: string;
  error?: string;
}

export interface ConversationMessages {
  /** Stored messages, sorted by seq, unique by id and seq. */
  messages: Message[];
  pending: PendingMessage[];
  loaded: boolean;
  hasOlder: boolean;
  loadingOlder: boolean;
  buyerTyping: boolean;
}

export const EMPTY_CONVERSATION: ConversationMessages = {
  messages: [],
  pending: [],
  loaded: false,
  hasOlder: false,
  loadingOlder: false,
  buyerTyping: false,
};

export const messageStore = createStore<Record<string, ConversationMessages>>({});

function patch(conversationId: string, change: (entry: ConversationMessages) => ConversationMessages): void {
  messageStore.set((state) => {
    const entry = state[conversationId] ?? EMPTY_CONVERSATION;
    const next = change(entry);
    return next === entry ? state : { ...state, [conversationId]: next };
  });
}

/** Merges messages by seq without duplicates (by id or seq) and drops the pending copies they confirm. */
export function mergeMessages(conversationId: string, incoming: Message[], extra: Partial<ConversationMessages> = {}): void {
  patch(conversationId, (entry) => {
    const bySeq = new Map<number, Message>();
    for (const message of entry.messages) bySeq.set(message.seq, message);
    const knownIds = new Set(entry.messages.map((m) => m.id));
    let changed = false;
    for (const message of incoming) {
      if (message.conversationId !== conversationId) continue;
      if (knownIds.has(message.id) && bySeq.get(message.seq)?.id === message.id) continue;
      bySeq.set(message.seq, message);
      knownIds.add(message.id);
      changed = true;
    }
    const confirmed = new Set(incoming.map((m) => m.clientMsgId).filter(Boolean));
    const pending = entry.pending.filter((p) => !confirmed.has(p.clientMsgId));
    for (const p of entry.pending) if (confirmed.has(p.clientMsgId) && p.previewUrl) URL.revokeObjectURL(p.previewUrl);
    if (!changed && pending.length === entry.pending.length && Object.keys(extra).length === 0) return entry;
    const messages = changed ? [...bySeq.values()].sort((a, b) => a.seq - b.seq) : entry.messages;
    return { ...entry, ...extra, messages, pending };
  });
}

export function addPending(message: PendingMessage): void {
  patch(message.conversationId, (entry) => ({ ...entry, pending: [...entry.pending, message] }));
}

export function updatePending(conversationId: string, clientMsgId: string, change: Partial<PendingMessage>): void {
  patch(conversationId, (entry) => ({
    ...entry,
    pending: entry.pending.map((p) => (p.clientMsgId === clientMsgId ? { ...p, ...change } : p)),
  }));
}

export function setConversationFlags(conversationId: string, flags: Partial<ConversationMessages>): void {
  patch(conversationId, (entry) => ({ ...entry, ...flags }));
}

/** The last seq held for each conversation whose history is loaded: the `resume` cursors. */
export function resumeCursors(): Record<string, number> {
  const cursors: Record<string, number> = {};
  for (const [id, entry] of Object.entries(messageStore.get())) {
    if (entry.loaded) cursors[id] = entry.messages.at(-1)?.seq ?? 0;
  }
  return cursors;
}

export function resetMessages(): void {
  messageStore.set({});
}
