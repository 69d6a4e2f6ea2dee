import { Aftersale } from './aftersale.js';
import { WidgetApi } from './api-client.js';
import { MessageStore } from './message-store.js';
import { EventEmitter } from './event-emitter.js';
import { History } from './history.js';
import type { WidgetLanguage } from './language.js';
import { Outbox } from './outbox.js';
import { ProductInterest } from './product-interest.js';
import { ReadTracker } from './read-tracker.js';
import { SatisfactionPrompt } from './satisfaction.js';
import { ServiceStatusWatcher } from './service-status.js';
import { ShopStorage, randomId } from './storage.js';
import { StreamClient, streamUrl, type StreamState } from './stream-client.js';
import { TypingSignals } from './typing-signals.js';
import type {
  BuyerCaseView,
  BuyerIdentity,
  Message,
  OrderCard,
  PendingMessage,
  ServerFrame,
  ViewingProduct,
  WidgetSession,
} from './types.js';
import { MessageList } from './ui/message-list.js';
import { OrdersView } from './ui/orders-view.js';
import { PanelView } from './ui/panel-view.js';
import { caseWords } from './ui/cases.locales.js';
import { describeQueuePlace } from './ui/queue-place-view.js';
import { describeService } from './ui/service-status-view.js';
import styles from './ui/styles.css?inline';

/** Where the widget runs. */
export interface WidgetConfig {
  /** Shop slug, from `data-shop`. */
  shop: string;
  /** Server origin, from `data-api` or the script's own origin. */
  base: string;
  /** From `data-lang`: Chinese unless the shop asks for English (so far the after-sales part speaks both). */
  language?: WidgetLanguage;
}

/** Events a shop page may listen to with `GoldDesk.on`. */
export interface WidgetEvents {
  open: void;
  close: void;
  message: Message;
  unread: number;
  /** The server refused the identity given to `identify` (forged, expired…); the visitor stays anonymous. */
  identity_failed: { code: string; message: string };
}

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
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
  readonly #orders: OrdersView;
  readonly #aftersale: Aftersale;
  readonly #events = new EventEmitter<WidgetEvents>();
  readonly #typing: TypingSignals;
  #started: Promise<void> | null = null;
  /** Bumped when the buyer changes (identify, logout): work begun for the previous one stops. */
  #generation = 0;
  #polling = false;
  #isOpen = false;
  #everConnected = false;
  readonly #read: ReadTracker;
  readonly #interest: ProductInterest;
  readonly #history: History;
  readonly #service: ServiceStatusWatcher;
  readonly #satisfaction: SatisfactionPrompt;

  constructor(config: WidgetConfig) {
    this.#storage = new ShopStorage(config.shop);
    this.#store = new MessageStore(this.#storage);
    this.#api = new WidgetApi(config.base, config.shop, this.#storage, new ShopStorage(config.shop, 'sessionStorage'), {
      onSession: (s) => this.#onSession(s),
      onIdentityFailed: (error) => this.#emit('identity_failed', { code: error.code, message: error.message }),
    });
    const language = config.language ?? 'zh-CN';
    this.#api.language = language;
    this.#stream = new StreamClient({
      url: () => (this.#api.session ? streamUrl(config.base, this.#api.session.token) : null),
      cursors: () => (this.#store.conversationId ? { [this.#store.conversationId]: this.#store.lastSeq() } : {}),
      onFrame: (frame) => this.#onFrame(frame),
      onState: (state) => this.#onStreamState(state),
      onHandshakeFailed: () => this.#history.catchUp(),
      onLimited: (reason) => this.#view.showToast(reason),
    });
    this.#history = new History(this.#api, this.#store, (added) => {
      for (const message of added) {
        this.#emit('message', message);
        if (message.sender === 'agent') this.#typing.setRemote(false);
      }
    });
    this.#outbox = new Outbox(this.#store, this.#api, this.#stream, (message) => this.#view.showToast(message));
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
    this.#satisfaction = new SatisfactionPrompt({
      api: this.#api,
      language,
      changed: () => this.#list.render(),
      resized: () => this.#list.keepPinned(),
    });
    this.#list.setExtras(() => this.#satisfaction.rows());
    this.#aftersale = new Aftersale({
      api: this.#api,
      language,
      base: config.base,
      section: () => this.#view.tabs.section,
      show: (section) => this.#view.setSection(section),
      markChanged: () => this.#view.tabs.setCasesChanged(true),
      showForm: (title, form) => this.#orders.show(title, form),
      backToOrders: () => void this.#orders.reload(),
      toast: (text) => this.#view.showToast(text),
    });
    this.#orders = new OrdersView(config.base, {
      load: () => this.#api.listOrders(),
      onSend: (card) => this.#sendOrder(card),
      onBack: () => this.#view.setOrdersOpen(false),
      apply: this.#aftersale.applyButton,
    });
    const words = caseWords(language);
    const sections = {
      orders: this.#orders.element,
      cases: this.#aftersale.view.element,
      casesLabel: words('casesButton'),
      casesUpdatedLabel: words('casesUpdated'),
    };
    this.#view = new PanelView(this.#list, sections, config.base, {
      onToggle: () => (this.#isOpen ? this.close() : this.open()),
      onClose: () => this.close(),
      onSendText: (text) => this.#sendText(text),
      onImage: (file) => this.#sendImage(file),
      onSendProduct: () => this.#sendProduct(),
      onTyping: () => this.#typing.onKeystroke(),
      onOrders: () => this.#toggleOrders(),
      onCases: () => this.#aftersale.toggle(),
      onScroll: () => {
        this.#maybeMarkRead();
        // Scrolled to the top: fetch the older page by itself.
        if (this.#store.hasMoreBefore && this.#list.element.scrollTop < 40) void this.#loadOlder();
      },
    });
    this.#service = new ServiceStatusWatcher(
      async () => {
        const { shop, service } = await this.#api.getShop();
        this.#view.setShopName(shop.name);
        return service;
      },
      (service) => this.#view.setService(describeService(service)),
    );
    this.#typing = new TypingSignals(
      (typing) => {
        const conversationId = this.#store.conversationId;
        if (conversationId) this.#stream.send({ type: 'typing', conversationId, typing });
      },
      (typing) => this.#view.setTyping(typing),
    );
    this.#read = new ReadTracker(
      this.#storage,
      this.#store,
      async (conversationId, seq) => {
        if (!this.#stream.send({ type: 'read', conversationId, seq })) await this.#api.markRead(seq);
      },
      (unread) => {
        this.#view.setUnread(unread);
        this.#emit('unread', unread);
      },
    );
    this.#interest = new ProductInterest(
      (productId) => (this.#api.session ? this.#api.recordFootprint(productId) : null),
      (product, sent) => this.#view.setViewingProduct(product, sent),
    );
    this.#store.subscribe(() => {
      this.#list.render();
      this.#read.updateUnread();
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
    this.#view.setVerified(!!this.#api.session?.verified);
    // After the page's queued calls (identify) so a signed-in buyer does not first start as anonymous.
    queueMicrotask(() => {
      if (this.#api.session || this.#store.pending.length > 0) void this.#start();
    });
  }

  /**
   * The shop's backend vouches for its signed-in customer: a new session as that buyer (their conversation, on
   * any device), the stream reconnected and their history loaded. Refused → stays anonymous, `identity_failed`.
   */
  identify(identity: BuyerIdentity): void {
    const next: BuyerIdentity = {
      externalId: String(identity?.externalId ?? ''),
      timestamp: Number(identity?.timestamp),
      signature: String(identity?.signature ?? ''),
      ...(identity?.nick ? { nick: String(identity.nick).slice(0, 32) } : {}),
    };
    const previous = this.#api.identity;
    if (previous?.externalId === next.externalId && this.#api.session?.verified) {
      this.#api.refreshIdentity(next);
      return;
    }
    // Another customer on this tab: nothing of the previous one (not even unsent messages) goes to them.
    if (previous) this.#forgetBuyer();
    this.#api.setIdentity(next);
    this.#switchBuyer();
  }

  /** The buyer signed out of the shop: forget them here too; the next chat is a fresh anonymous visitor's. */
  logout(): void {
    this.#forgetBuyer();
    this.#switchBuyer();
  }

  #forgetBuyer(): void {
    this.#api.forgetVisitor();
    this.#store.clear();
    this.#read.forget();
    this.#interest.forget();
    this.#aftersale.clear();
    this.#satisfaction.clear();
  }

  /** Another buyer from now on: stop what ran for the previous one and start again if the chat is in use. */
  #switchBuyer(): void {
    this.#generation += 1;
    this.#started = null;
    this.#everConnected = false; // "正在连接客服…", not "连接已断开"
    this.#stream.stop();
    this.#view.setVerified(false);
    if (this.#isOpen || this.#api.identity || this.#store.pending.length > 0) void this.#start();
  }

  open(): void {
    if (this.#isOpen) return;
    this.#isOpen = true;
    this.#view.setOpen(true);
    this.#service.start();
    this.#list.scrollToBottom();
    this.#emit('open', undefined);
    void this.#start();
    this.#maybeMarkRead();
  }

  close(): void {
    if (!this.#isOpen) return;
    this.#isOpen = false;
    this.#view.setOpen(false);
    this.#service.stop();
    this.#typing.stop();
    this.#emit('close', undefined);
  }

  /** The product the buyer is looking at, offered as a card to send; null hides it. */
  setViewingProduct(product: ViewingProduct | null): void {
    this.#interest.set(product);
  }

  /** Reports a product view (浏览足迹) without offering it as a card. */
  viewProduct(productId: string): void {
    this.#interest.report(productId);
  }

  on<K extends keyof WidgetEvents>(event: K, callback: (payload: WidgetEvents[K]) => void): () => void {
    return this.#events.on(event, callback);
  }

  #emit<K extends keyof WidgetEvents>(event: K, payload: WidgetEvents[K]): void {
    this.#events.emit(event, payload);
  }

  /** Session → latest history page → live stream → unsent messages. Retries on failure. */
  #start(): Promise<void> {
    if (!this.#started) {
      const generation = this.#generation;
      const current = () => generation === this.#generation;
      this.#started = (async () => {
        const session = await this.#api.createSession();
        if (!current()) return;
        // The shop's name comes with its service status when the panel opens (ServiceStatusWatcher).
        this.#interest.flush();
        await this.#history.loadLatest(session.lastSeq);
        if (!current()) return;
        // The invitation to rate, as it stands (a reload shows the card or the thanks again).
        void this.#satisfaction.load();
        this.#stream.start();
        this.#outbox.kick();
        if (this.#polling) return;
        this.#polling = true;
        // Without a live socket (proxy blocks WebSockets, server restarting) poll so replies still arrive.
        window.setInterval(() => {
          if (this.#api.session && this.#stream.state !== 'live' && navigator.onLine)
            this.#history.catchUp().catch(() => undefined);
        }, POLL_MS);
      })().catch((error: unknown) => {
        if (!current()) return;
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
    this.#view.setVerified(!!session.verified);
    if (this.#store.conversationId !== session.conversationId) {
      this.#store.reset(session.conversationId);
      this.#read.restore(session.conversationId);
    }
    if (session.agentReadSeq) this.#store.setAgentReadSeq(session.agentReadSeq);
    // The old socket carries the old token; reconnect with the new one.
    this.#stream.reconnectNow(true);
  }

  async #loadOlder(): Promise<void> {
    if (!(await this.#history.loadOlder())) this.#view.showToast('加载历史消息失败，请稍后再试');
  }

  #onFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'message.created':
        this.#history.add([frame.message]);
        // An agent answering means the wait is over, whatever the queue said.
        if (frame.message.sender === 'agent') this.#view.setQueueNotice(null);
        break;
      case 'message.ack':
        this.#outbox.onAck(frame.clientMsgId, frame.message);
        break;
      case 'message.rejected':
        this.#outbox.onRejected(frame.clientMsgId, frame.error);
        break;
      case 'conversation.typing_changed':
        if (frame.side === 'agent') this.#typing.setRemote(frame.typing);
        break;
      case 'conversation.read':
        if (frame.side === 'agent' && frame.conversationId === this.#store.conversationId) this.#store.setAgentReadSeq(frame.seq);
        break;
      case 'shop.status_changed':
        this.#service.apply(frame.service);
        break;
      case 'queue.position':
        this.#view.setQueueNotice(describeQueuePlace(frame.position, frame.etaSeconds, this.#api.language));
        break;
      case 'case.updated':
        // A buyer's stream carries the buyer's view of their own cases only.
        this.#aftersale.onCaseUpdated(frame.case as BuyerCaseView);
        break;
      case 'satisfaction.invited':
      case 'satisfaction.rated':
        // A buyer's stream carries the buyer's view of their own invitation only.
        this.#satisfaction.onInvitation(frame.invitation);
        break;
      case 'synced':
        // An invitation sent while the socket was away was not pushed to us.
        void this.#satisfaction.load();
        this.#read.resend();
        this.#maybeMarkRead();
        this.#outbox.kick();
        break;
      default:
        break;
    }
  }

  #onStreamState(state: StreamState): void {
    // Live (again): what changed before the socket listened (an agent came, the shop closed) was not pushed to us.
    if (state === 'live' && this.#isOpen) this.#service.refresh();
    if (state === 'live') this.#everConnected = true;
    if (state !== 'live') this.#typing.setRemote(false);
    this.#view.setConnection(state, this.#everConnected);
  }

  #sendText(text: string): void {
    this.#typing.stop();
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
    const product = this.#interest.take();
    if (!product) return;
    this.#enqueue({ kind: 'product', body: product.title, productId: product.productId, product });
  }

  #toggleOrders(): void {
    const open = !this.#view.ordersOpen;
    this.#view.setOrdersOpen(open);
    if (open) void this.#orders.reload();
  }

  /** 发送 in 我的订单: the order goes into the chat as a card, and the buyer is back in the chat. */
  #sendOrder(card: OrderCard): void {
    this.#view.setOrdersOpen(false);
    this.#enqueue({ kind: 'order', body: `订单 ${card.orderNo}`, orderId: card.orderId, order: card });
  }

  #enqueue(
    message: Pick<PendingMessage, 'kind' | 'body' | 'file' | 'previewUrl' | 'productId' | 'product' | 'orderId' | 'order'>,
  ): void {
    this.#store.addPending({
      ...message,
      clientMsgId: randomId(),
      status: 'sending',
      createdAt: new Date().toISOString(),
    });
    this.#list.scrollToBottom();
    void this.#start().then(() => this.#outbox.kick());
  }

  /** Reports what the buyer has seen: panel open, tab visible, newest messages on screen. */
  #maybeMarkRead(): void {
    if (this.#isOpen && document.visibilityState === 'visible' && this.#list.atBottom()) this.#read.seen();
  }
}
