import type { ShopStorage } from './storage.js';
import type { Message, PendingMessage } from './types.js';

/** The buyer's conversation as the widget knows it: stored messages by seq plus unacknowledged sends. */
export class MessageStore {
  /** Stored messages, ascending by seq, no duplicates. */
  messages: Message[] = [];
  /** Sends not yet acknowledged, in the order the buyer made them. */
  pending: PendingMessage[] = [];
  /** There is older history to scroll back to. */
  hasMoreBefore = false;
  /** The shop has read up to this seq. */
  agentReadSeq = 0;
  conversationId: string | null = null;
  readonly #seqs = new Set<number>();
  readonly #listeners = new Set<() => void>();
  #notifyQueued = false;

  readonly #storage: ShopStorage;

  constructor(storage: ShopStorage) {
    this.#storage = storage;
    this.pending = (storage.getJson<PendingMessage[]>('outbox') ?? []).map((p) => ({ ...p, status: 'sending' }));
  }

  /** Subscribe to changes (batched per microtask). */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Forget the conversation (a new session reached a different one); unsent messages stay. */
  reset(conversationId: string): void {
    this.conversationId = conversationId;
    this.messages = [];
    this.#seqs.clear();
    this.hasMoreBefore = false;
    this.agentReadSeq = 0;
    this.changed();
  }

  /** Logout: nothing of the previous buyer stays, not even unsent messages; late answers for them are ignored. */
  clear(): void {
    this.reset('');
    for (const pending of this.pending) if (pending.previewUrl) URL.revokeObjectURL(pending.previewUrl);
    this.pending = [];
    this.#persist();
  }

  /** Merges messages by seq; returns those that were new. Acknowledged pending sends are dropped. */
  merge(incoming: Message[]): Message[] {
    const added: Message[] = [];
    for (const message of incoming) {
      if (this.conversationId !== null && message.conversationId !== this.conversationId) continue;
      if (message.clientMsgId) this.removePending(message.clientMsgId);
      if (this.#seqs.has(message.seq)) continue;
      this.#seqs.add(message.seq);
      added.push(message);
    }
    if (added.length === 0) return added;
    const last = this.messages[this.messages.length - 1];
    if (last && added.every((m) => m.seq > last.seq) && isAscending(added)) this.messages.push(...added);
    else this.messages = [...this.messages, ...added].sort((a, b) => a.seq - b.seq);
    this.changed();
    return added;
  }

  lastSeq(): number {
    return this.messages[this.messages.length - 1]?.seq ?? 0;
  }

  firstSeq(): number {
    return this.messages[0]?.seq ?? 0;
  }

  setAgentReadSeq(seq: number): void {
    if (seq <= this.agentReadSeq) return;
    this.agentReadSeq = seq;
    this.changed();
  }

  addPending(message: PendingMessage): void {
    this.pending.push(message);
    this.#persist();
    this.changed();
  }

  updatePending(clientMsgId: string, patch: Partial<PendingMessage>): void {
    const message = this.pending.find((p) => p.clientMsgId === clientMsgId);
    if (!message) return;
    Object.assign(message, patch);
    this.#persist();
    this.changed();
  }

  removePending(clientMsgId: string): void {
    const index = this.pending.findIndex((p) => p.clientMsgId === clientMsgId);
    if (index < 0) return;
    const [removed] = this.pending.splice(index, 1);
    if (removed?.previewUrl) URL.revokeObjectURL(removed.previewUrl);
    this.#persist();
    this.changed();
  }

  /** Marks the store changed; listeners run once per microtask. */
  changed(): void {
    if (this.#notifyQueued) return;
    this.#notifyQueued = true;
    queueMicrotask(() => {
      this.#notifyQueued = false;
      for (const listener of this.#listeners) listener();
    });
  }

  /** Keeps unsent messages across reloads (image bytes not yet uploaded cannot be kept). */
  #persist(): void {
    const durable = this.pending
      .filter((p) => p.kind !== 'image' || p.attachmentId)
      .map(({ file: _file, previewUrl: _previewUrl, ...rest }) => rest);
    this.#storage.setJson('outbox', durable.length ? durable : null);
  }
}

function isAscending(messages: Message[]): boolean {
  for (let i = 1; i < messages.length; i++) if (messages[i]!.seq <= messages[i - 1]!.seq) return false;
  return true;
}
