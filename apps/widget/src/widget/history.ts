import type { WidgetApi } from './api-client.js';
import type { MessageStore } from './message-store.js';
import type { Message } from './types.js';

const PAGE_SIZE = 30;

/** The conversation's history over HTTP: the latest page, catch-up after a gap, older pages on scroll. */
export class History {
  #loadingOlder = false;

  constructor(
    private readonly api: WidgetApi,
    private readonly store: MessageStore,
    /** New messages, each once (for events and the typing hint). */
    private readonly onAdded: (messages: Message[]) => void,
  ) {}

  add(messages: Message[]): void {
    const added = this.store.merge(messages);
    if (added.length) this.onAdded(added);
  }

  async loadLatest(lastSeq: number | undefined): Promise<void> {
    const response =
      lastSeq && lastSeq > 0
        ? await this.api.listMessages({ beforeSeq: lastSeq + 1, limit: PAGE_SIZE })
        : await this.api.listMessages({ afterSeq: 0, limit: PAGE_SIZE });
    if (this.store.messages.length === 0) this.store.hasMoreBefore = !!response.hasMore && !!lastSeq;
    this.add(response.messages);
    if (!lastSeq && response.hasMore) await this.catchUp();
  }

  /** From the last seq on (also renews an expired session on 401). */
  async catchUp(): Promise<void> {
    for (let page = 0; page < 20; page++) {
      const response = await this.api.listMessages({ afterSeq: this.store.lastSeq(), limit: 200 });
      this.add(response.messages);
      if (!response.hasMore || response.messages.length === 0) return;
    }
  }

  /** The page before the oldest shown; false when it could not be loaded. */
  async loadOlder(): Promise<boolean> {
    const first = this.store.firstSeq();
    if (this.#loadingOlder || first <= 1) return true;
    this.#loadingOlder = true;
    try {
      const response = await this.api.listMessages({ beforeSeq: first, limit: PAGE_SIZE });
      this.store.hasMoreBefore = !!response.hasMore && (response.messages[0]?.seq ?? 1) > 1;
      this.store.merge(response.messages);
      this.store.changed();
      return true;
    } catch {
      return false;
    } finally {
      this.#loadingOlder = false;
    }
  }
}
