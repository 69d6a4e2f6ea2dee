import { ApiError, type WidgetApi } from './api-client.js';
import type { MessageStore } from './message-store.js';
import type { StreamClient } from './stream-client.js';
import type { Message, PendingMessage } from './types.js';

const ACK_TIMEOUT_MS = 8_000;
const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Delivers the buyer's messages one at a time, in order, until each is acknowledged.
 * Every attempt reuses the message's clientMsgId, so a retry never creates a second message.
 */
export class Outbox {
  #busy = false;
  #failures = 0;
  #retryTimer: number | undefined;
  readonly #acks = new Map<string, { resolve: (m: Message) => void; reject: (e: Error) => void }>();

  readonly #store: MessageStore;
  readonly #api: WidgetApi;
  readonly #stream: StreamClient;
  readonly #onLimited: (message: string) => void;

  /** `onLimited` shows the server's words when it refuses for sending too fast (429). */
  constructor(store: MessageStore, api: WidgetApi, stream: StreamClient, onLimited: (message: string) => void) {
    this.#store = store;
    this.#api = api;
    this.#stream = stream;
    this.#onLimited = onLimited;
  }

  /** Try the queue now (new message, socket back, buyer pressed 重发). */
  kick(): void {
    window.clearTimeout(this.#retryTimer);
    void this.#pump();
  }

  /** Puts a failed message back in the queue. */
  retry(clientMsgId: string): void {
    this.#store.updatePending(clientMsgId, { status: 'sending', error: undefined });
    this.#failures = 0;
    this.kick();
  }

  /** `message.ack` / `message.rejected` frames answer a `message.send`. */
  onAck(clientMsgId: string, message: Message): void {
    this.#acks.get(clientMsgId)?.resolve(message);
  }

  onRejected(clientMsgId: string, error: { code: string; message: string }): void {
    const status = error.code === 'too_many_messages' ? 429 : 400;
    this.#acks.get(clientMsgId)?.reject(new ApiError(status, error.code, error.message));
  }

  async #pump(): Promise<void> {
    if (this.#busy || !this.#api.session) return;
    this.#busy = true;
    try {
      for (;;) {
        const next = this.#store.pending.find((p) => p.status === 'sending');
        if (!next) break;
        try {
          const message = await this.#deliver(next);
          this.#store.merge([message]);
          this.#store.removePending(next.clientMsgId);
          this.#failures = 0;
        } catch (error) {
          const apiError = error instanceof ApiError ? error : new ApiError(0, 'network_error', String(error));
          if (apiError.status === 429) {
            // Sending too fast: retrying on our own would only prolong it. Say so; the buyer resends by a click.
            for (const waiting of this.#store.pending.filter((p) => p.status === 'sending')) {
              this.#store.updatePending(waiting.clientMsgId, { status: 'failed', error: apiError.message });
            }
            this.#onLimited(apiError.message);
            break;
          }
          if (!apiError.retryable) {
            this.#store.updatePending(next.clientMsgId, { status: 'failed', error: apiError.message });
            continue;
          }
          this.#failures += 1;
          const delay = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** this.#failures);
          this.#retryTimer = window.setTimeout(() => void this.#pump(), delay);
          break;
        }
      }
    } finally {
      this.#busy = false;
    }
  }

  async #deliver(pending: PendingMessage): Promise<Message> {
    if (pending.kind === 'image' && !pending.attachmentId) {
      if (!pending.file) throw new ApiError(400, 'image_lost', '图片已丢失，请重新选择');
      const attachment = await this.#api.upload(pending.file);
      this.#store.updatePending(pending.clientMsgId, { attachmentId: attachment.id });
    }
    const request = {
      clientMsgId: pending.clientMsgId,
      body: pending.body,
      kind: pending.kind,
      ...(pending.attachmentId ? { attachmentId: pending.attachmentId } : {}),
      ...(pending.productId ? { productId: pending.productId } : {}),
      ...(pending.orderId ? { orderId: pending.orderId } : {}),
    };
    if (this.#stream.state === 'live') {
      try {
        return await this.#viaStream(request);
      } catch (error) {
        // A rejection is final; a lost ack falls through to HTTP with the same clientMsgId.
        if (error instanceof ApiError) throw error;
      }
    }
    return this.#api.sendMessage(request);
  }

  #viaStream(request: Parameters<WidgetApi['sendMessage']>[0]): Promise<Message> {
    return new Promise<Message>((resolve, reject) => {
      const timer = window.setTimeout(() => finish(() => reject(new Error('ack timeout'))), ACK_TIMEOUT_MS);
      const finish = (settle: () => void) => {
        window.clearTimeout(timer);
        this.#acks.delete(request.clientMsgId);
        settle();
      };
      this.#acks.set(request.clientMsgId, {
        resolve: (message) => finish(() => resolve(message)),
        reject: (error) => finish(() => reject(error)),
      });
      if (!this.#stream.send({ type: 'message.send', ...request })) finish(() => reject(new Error('socket closed')));
    });
  }
}
