import type { MessageStore } from './message-store.js';
import type { ShopStorage } from './storage.js';

/**
 * How far the buyer has read their conversation: drives the unread badge (kept across reloads, per conversation)
 * and tells the agents ("已读"), each seq once.
 */
export class ReadTracker {
  #readSeq = 0;
  #sentSeq = 0;
  #lastUnread = -1;

  constructor(
    private readonly storage: ShopStorage,
    private readonly store: MessageStore,
    /** Tells the server; a rejection means "not told", so the seq is sent again next time. */
    private readonly report: (conversationId: string, seq: number) => Promise<unknown>,
    private readonly onUnread: (count: number) => void,
  ) {}

  /** Another conversation is shown: how far this browser had read it. */
  restore(conversationId: string): void {
    const saved = this.storage.getJson<{ conversationId: string; seq: number }>('readSeq');
    this.#readSeq = saved?.conversationId === conversationId ? saved.seq : 0;
    this.#sentSeq = 0;
  }

  /** The buyer is forgotten (logout, another customer). */
  forget(): void {
    this.storage.set('readSeq', null);
    this.#readSeq = 0;
    this.#sentSeq = 0;
  }

  /** After a reconnect the server may not know: tell it again. */
  resend(): void {
    this.#sentSeq = 0;
  }

  /** The newest messages are on the buyer's screen. */
  seen(): void {
    const seq = this.store.lastSeq();
    const conversationId = this.store.conversationId;
    if (!conversationId) return;
    if (seq > this.#readSeq) {
      this.#readSeq = seq;
      this.storage.setJson('readSeq', { conversationId, seq });
      this.updateUnread();
    }
    if (seq <= this.#sentSeq) return;
    this.#sentSeq = seq;
    this.report(conversationId, seq).catch(() => (this.#sentSeq = 0));
  }

  updateUnread(): void {
    let unread = 0;
    for (const message of this.store.messages) if (message.sender !== 'buyer' && message.seq > this.#readSeq) unread++;
    if (unread === this.#lastUnread) return;
    this.#lastUnread = unread;
    this.onUnread(unread);
  }
}
