import { WidgetApi } from './api-client.js';
import { MessageStore } from './message-store.js';
import { Outbox } from './outbox.js';
import { ShopStorage, randomId, visitorIdFor } from './storage.js';
import { StreamClient, streamUrl, type StreamState } from './stream-client.js';
import type { Message, PendingMessage, ProductCard, ServerFrame, ViewingProduct, WidgetSession } from './types.js';
import { MessageList } from './ui/message-list.js';
import { PanelView } from './ui/panel-view.js';
import styles from './ui/styles.css?inline';

/** Where the widget runs. */
export interface WidgetConfig {
  /** Shop slug, from `data-shop`. */
  shop: string;
  /** Server origin, from `data-api` or the script's own origin. */
  base: string;
}

/** Events a shop page may listen to with `GoldDesk.on`. */
export interface WidgetEvents {
  open: void;
  close: void;
  message: Message;
  unread: number;
}

const PAGE_SIZE = 30;
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const TYPING_THROTTLE_MS = 3_000;
const TYPING_IDLE_MS = 4_000;
const REMOTE_TYPING_TTL_MS = 8_000;
const POLL_MS = 10_000;

/** The buyer chat widget: session, history, live stream, outbox and view wired together. */
export class GoldDeskWidget {
  readonly #storage: ShopStorage;
  readonly #api: WidgetApi;
  readonly #store: MessageStore;
  readonly #stream: StreamClient;
  readonly #outbox: Outbox;
  readonly #list: MessageList;
  readonly #view: PanelView;
  readonly #listeners = new Map<keyof WidgetEvents, Set<(payload: never) => void>>();
  #started: Promise<void> | null = null;
  #isOpen = false;
  #everConnected = false;
  /** How far the buyer has seen (drives the unread badge), kept per conversation. */
  #readSeq = 0;
  #lastUnread = -1;
  #sentReadSeq = 0;
  #loadingOlder = false;
  #typingSentAt = 0;
  #typingIdleTimer: number | undefined;
  #remoteTypingTimer: number | undefined;
  #viewing: ProductCard | null = null;
  #sentProductIds = new Set<string>();
  /** A product viewed before the buyer had a session: reported once the session starts. */
  #unreportedView: string | null = null;

  constructor(config: WidgetConfig) {
    this.#storage = new ShopStorage(config.shop);
    this.#store = new MessageStore(this.#storage);
    this.#api = new WidgetApi(config.base, config.shop, visitorIdFor(this.#storage), this.#storage, (s) =>
      this.#onSession(s),
    );
    this.#stream = new StreamClient({
      url: () => (this.#api.session ? streamUrl(config.base, this.#api.session.token) : null),
      cursors: () => (this.#store.conversationId ? { [this.#store.conversationId]: this.#store.lastSeq() } : {}),
      onFrame: (frame) => this.#onFrame(frame),
      onState: (state) => this.#onStreamState(state),
      onHandshakeFailed: () => this.#catchUp(),
    });
    this.#outbox = new Outbox(this.#store, this.#api, this.#stream);
    this.#list = new MessageList(
      this.#store,
      {
        base: config.base,
        agentReadSeq: 0,
        onRetry: (id) => this.#outbox.retry(id),
        onMediaLoad: () => this.#list.keepPinned(),
      },
      () => void this.#loadOlder(),
    );
    this.#view = new PanelView(this.#list, config.base, {
      onToggle: () => (this.#isOpen ? this.close() : this.open()),
      onClose: () => this.close(),
      onSendText: (text) => this.#sendText(text),
      onImage: (file) => this.#sendImage(file),
      onSendProduct: () => this.#sendProduct(),
      onTyping: () => this.#onLocalTyping(),
      onScroll: () => {
        this.#maybeMarkRead();
        // Scrolled to the top: fetch the older page by itself.
        if (this.#store.hasMoreBefore && this.#list.element.scrollTop < 40) void this.#loadOlder();
      },
    });
    this.#store.subscribe(() => {
      this.#list.render();
      this.#updateUnread();
      this.#maybeMarkRead();
    });
    document.addEventListener('visibilitychange', () => this.#maybeMarkRead());
  }

  /** Adds the widget to the page; a stored session reconnects at once so unread messages show on the badge. */
  mount(): void {
    const style = document.createElement('style');
    style.setAttribute('data-golddesk', '');
    style.textContent = styles;
    document.head.append(style);
    document.body.append(this.#view.root);
    this.#list.render();
    if (this.#api.session || this.#store.pending.length > 0) void this.#start();
  }

  open(): void {
    if (this.#isOpen) return;
    this.#isOpen = true;
    this.#view.setOpen(true);
    this.#list.scrollToBottom();
    this.#emit('open', undefined);
    void this.#start();
    this.#maybeMarkRead();
  }

  close(): void {
    if (!this.#isOpen) return;
    this.#isOpen = false;
    this.#view.setOpen(false);
    this.#sendTyping(false);
    this.#emit('close', undefined);
  }

  /** The product the buyer is looking at, offered as a card to send; null hides it. */
  setViewingProduct(product: ViewingProduct | null): void {
    this.#viewing = product
      ? {
          productId: String(product.id),
          title: String(product.title),
          priceFen: Number(product.priceFen) || 0,
          imageUrl: product.imageUrl ?? null,
        }
      : null;
    this.#view.setViewingProduct(this.#viewing, !!this.#viewing && this.#sentProductIds.has(this.#viewing.productId));
    if (this.#viewing) this.viewProduct(this.#viewing.productId);
  }

  /**
   * Reports a product view (浏览足迹) without offering it as a card. A visitor who never opened the chat has
   * no session yet: their latest view is reported when they do, so browsing alone creates no buyer.
   */
  viewProduct(productId: string): void {
    const id = String(productId);
    if (!this.#api.session) {
      this.#unreportedView = id;
      return;
    }
    this.#api.recordFootprint(id).catch(() => undefined); // a footprint is a hint; never bother the buyer
  }

  on<K extends keyof WidgetEvents>(event: K, callback: (payload: WidgetEvents[K]) => void): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(callback as (payload: never) => void);
    return () => set.delete(callback as (payload: never) => void);
  }

  #emit<K extends keyof WidgetEvents>(event: K, payload: WidgetEvents[K]): void {
    for (const callback of this.#listeners.get(event) ?? []) {
      try {
        (callback as (p: WidgetEvents[K]) => void)(payload);
      } catch (error) {
        console.error('[GoldDesk]', error);
      }
    }
  }

  /** Session → latest history page → live stream → unsent messages. Retries on failure. */
  #start(): Promise<void> {
    if (!this.#started) {
      this.#started = (async () => {
        const session = await this.#api.createSession();
        if (!session.shopName) {
          this.#api
            .getShop()
            .then((r) => this.#view.setShopName(r.shop.name))
            .catch(() => undefined);
        }
        if (this.#unreportedView) this.viewProduct(this.#unreportedView);
        this.#unreportedView = null;
        await this.#loadLatest(session.lastSeq);
        this.#stream.start();
        this.#outbox.kick();
        // Without a live socket (proxy blocks WebSockets, server restarting) poll so replies still arrive.
        window.setInterval(() => {
          if (this.#stream.state !== 'live' && navigator.onLine) this.#catchUp().catch(() => undefined);
        }, POLL_MS);
      })().catch((error: unknown) => {
        console.warn('[GoldDesk] start failed, retrying', error);
        this.#view.setConnection('offline', this.#everConnected);
        this.#started = null;
        window.setTimeout(() => {
          if (this.#isOpen || this.#api.session) void this.#start();
        }, 5_000);
      });
    }
    return this.#started;
  }

  #onSession(session: WidgetSession): void {
    if (session.shopName) this.#view.setShopName(session.shopName);
    if (this.#store.conversationId !== session.conversationId) {
      this.#store.reset(session.conversationId);
      const saved = this.#storage.getJson<{ conversationId: string; seq: number }>('readSeq');
      this.#readSeq = saved?.conversationId === session.conversationId ? saved.seq : 0;
      this.#sentReadSeq = 0;
    }
    if (session.agentReadSeq) this.#store.setAgentReadSeq(session.agentReadSeq);
    // The old socket carries the old token; reconnect with the new one.
    this.#stream.reconnectNow(true);
  }

  async #loadLatest(lastSeq: number | undefined): Promise<void> {
    const response =
      lastSeq && lastSeq > 0
        ? await this.#api.listMessages({ beforeSeq: lastSeq + 1, limit: PAGE_SIZE })
        : await this.#api.listMessages({ afterSeq: 0, limit: PAGE_SIZE });
    if (this.#store.messages.length === 0) this.#store.hasMoreBefore = !!response.hasMore && !!lastSeq;
    this.#addMessages(response.messages);
    if (!lastSeq && response.hasMore) await this.#catchUp();
  }

  /** HTTP catch-up from the last seq (also renews an expired session on 401). */
  async #catchUp(): Promise<void> {
    for (let page = 0; page < 20; page++) {
      const response = await this.#api.listMessages({ afterSeq: this.#store.lastSeq(), limit: 200 });
      this.#addMessages(response.messages);
      if (!response.hasMore || response.messages.length === 0) return;
    }
  }

  async #loadOlder(): Promise<void> {
    const first = this.#store.firstSeq();
    if (this.#loadingOlder || first <= 1) return;
    this.#loadingOlder = true;
    try {
      const response = await this.#api.listMessages({ beforeSeq: first, limit: PAGE_SIZE });
      this.#store.hasMoreBefore = !!response.hasMore && (response.messages[0]?.seq ?? 1) > 1;
      this.#store.merge(response.messages);
      this.#store.changed();
    } catch {
      this.#view.showToast('加载历史消息失败，请稍后再试');
    } finally {
      this.#loadingOlder = false;
    }
  }

  #addMessages(messages: Message[]): void {
    const added = this.#store.merge(messages);
    for (const message of added) {
      this.#emit('message', message);
      if (message.sender === 'agent') this.#setRemoteTyping(false);
    }
  }

  #onFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'message.created':
        this.#addMessages([frame.message]);
        break;
      case 'message.ack':
        this.#outbox.onAck(frame.clientMsgId, frame.message);
        break;
      case 'message.rejected':
        this.#outbox.onRejected(frame.clientMsgId, frame.error);
        break;
      case 'conversation.typing':
        if (frame.side === 'agent') this.#setRemoteTyping(frame.typing);
        break;
      case 'conversation.read':
        if (frame.side === 'agent' && frame.conversationId === this.#store.conversationId)
          this.#store.setAgentReadSeq(frame.seq);
        break;
      case 'synced':
        this.#sentReadSeq = 0;
        this.#maybeMarkRead();
        this.#outbox.kick();
        break;
      default:
        break;
    }
  }

  #onStreamState(state: StreamState): void {
    if (state === 'live') this.#everConnected = true;
    if (state !== 'live') this.#setRemoteTyping(false);
    this.#view.setConnection(state, this.#everConnected);
  }

  #sendText(text: string): void {
    this.#sendTyping(false);
    this.#enqueue({ kind: 'text', body: text });
  }

  #sendImage(file: File): void {
    if (!/^image\/(png|jpeg|gif|webp)$/.test(file.type)) {
      this.#view.showToast('只能发送 PNG、JPG、GIF 或 WebP 图片');
      return;
    }
    if (file.size > MAX_IMAGE_BYTES) {
      this.#view.showToast('图片不能超过 5MB');
      return;
    }
    this.#enqueue({ kind: 'image', body: '[图片]', file, previewUrl: URL.createObjectURL(file) });
  }

  #sendProduct(): void {
    const product = this.#viewing;
    if (!product) return;
    this.#sentProductIds.add(product.productId);
    this.#view.setViewingProduct(product, true);
    this.#enqueue({ kind: 'product', body: product.title, productId: product.productId, product });
  }

  #enqueue(message: Pick<PendingMessage, 'kind' | 'body' | 'file' | 'previewUrl' | 'productId' | 'product'>): void {
    this.#store.addPending({
      ...message,
      clientMsgId: randomId(),
      status: 'sending',
      createdAt: new Date().toISOString(),
    });
    this.#list.scrollToBottom();
    void this.#start().then(() => this.#outbox.kick());
  }

  #onLocalTyping(): void {
    const now = Date.now();
    if (now - this.#typingSentAt > TYPING_THROTTLE_MS) {
      this.#typingSentAt = now;
      this.#sendTyping(true);
    }
    window.clearTimeout(this.#typingIdleTimer);
    this.#typingIdleTimer = window.setTimeout(() => this.#sendTyping(false), TYPING_IDLE_MS);
  }

  #sendTyping(typing: boolean): void {
    if (!typing) {
      window.clearTimeout(this.#typingIdleTimer);
      if (this.#typingSentAt === 0) return;
      this.#typingSentAt = 0;
    }
    const conversationId = this.#store.conversationId;
    if (conversationId) this.#stream.send({ type: 'typing', conversationId, typing });
  }

  #setRemoteTyping(typing: boolean): void {
    window.clearTimeout(this.#remoteTypingTimer);
    this.#view.setTyping(typing);
    // A lost "typing: false" must not leave the hint forever.
    if (typing) this.#remoteTypingTimer = window.setTimeout(() => this.#view.setTyping(false), REMOTE_TYPING_TTL_MS);
  }

  /** Reports what the buyer has seen: panel open, tab visible, newest messages on screen. */
  #maybeMarkRead(): void {
    if (!this.#isOpen || document.visibilityState !== 'visible' || !this.#list.atBottom()) return;
    const seq = this.#store.lastSeq();
    const conversationId = this.#store.conversationId;
    if (!conversationId) return;
    if (seq > this.#readSeq) {
      this.#readSeq = seq;
      this.#storage.setJson('readSeq', { conversationId, seq });
      this.#updateUnread();
    }
    if (seq <= this.#sentReadSeq) return;
    this.#sentReadSeq = seq;
    if (!this.#stream.send({ type: 'read', conversationId, seq })) {
      this.#api.markRead(seq).catch(() => (this.#sentReadSeq = 0));
    }
  }

  #updateUnread(): void {
    let unread = 0;
    for (const message of this.#store.messages) if (message.sender !== 'buyer' && message.seq > this.#readSeq) unread++;
    if (unread === this.#lastUnread) return;
    this.#lastUnread = unread;
    this.#view.setUnread(unread);
    this.#emit('unread', unread);
  }
}
