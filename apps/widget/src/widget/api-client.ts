import type { WidgetLanguage } from './language.js';
import { storedVisitor, storeVisitor, type ShopStorage } from './storage.js';
import type {
  BuyerIdentity,
  ListMessagesResponse,
  Message,
  MessageKind,
  OrderView,
  SendMessageResponse,
  ServiceStatus,
  UploadResponse,
  WidgetSession,
  WidgetSessionResponse,
} from './types.js';

/** A failed request; status 0 means the network failed before any answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** Worth trying again later (network, server trouble, rate limit). */
  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/** The body of a buyer message. */
export interface SendRequest {
  clientMsgId: string;
  body: string;
  kind: MessageKind;
  attachmentId?: string;
  productId?: string;
  orderId?: string;
}

/** Where the client reports back. */
export interface WidgetApiHandlers {
  /** A new session was created. */
  onSession: (session: WidgetSession) => void;
  /** The server refused the identity (forged, expired, malformed); the session falls back to anonymous. */
  onIdentityFailed: (error: ApiError) => void;
}

/**
 * HTTP client for /api/v1/widget/*: keeps the buyer token and renews the session on 401.
 * An anonymous visitor's session lives in localStorage (same visitor after a reload); a verified buyer's
 * identity and session only in this tab's sessionStorage, so a shared computer does not keep them.
 */
export class WidgetApi {
  session: WidgetSession | null;
  /** The identity the next session is made with (GoldDesk.identify); null: anonymous. */
  identity: BuyerIdentity | null;
  /** The server answers errors (and words it writes, such as a case's eligibility) in this language. */
  language: WidgetLanguage = 'zh-CN';
  #creating: Promise<WidgetSession> | null = null;
  /** Bumped when the buyer changes: a session still being created for the previous one is dropped. */
  #epoch = 0;

  /** Origin of the GoldDesk server, e.g. https://desk.example.com. */
  readonly base: string;
  readonly #shop: string;
  readonly #storage: ShopStorage;
  readonly #tabStorage: ShopStorage;
  readonly #handlers: WidgetApiHandlers;

  constructor(base: string, shop: string, storage: ShopStorage, tabStorage: ShopStorage, handlers: WidgetApiHandlers) {
    this.base = base;
    this.#shop = shop;
    this.#storage = storage;
    this.#tabStorage = tabStorage;
    this.#handlers = handlers;
    this.identity = tabStorage.getJson<BuyerIdentity>('identity');
    this.session = (this.identity && tabStorage.getJson<WidgetSession>('session')) || storage.getJson<WidgetSession>('session');
  }

  /** From now on sessions are for this identity (null: anonymous); the current session is dropped. */
  setIdentity(identity: BuyerIdentity | null): void {
    this.#epoch += 1;
    this.#creating = null;
    this.session = null;
    this.identity = identity;
    if (!identity) this.#forgetIdentity();
  }

  /** The same buyer signed again (a reload of the shop page): keep the session, remember the fresher signature. */
  refreshIdentity(identity: BuyerIdentity): void {
    this.identity = identity;
    if (this.session?.verified) this.#tabStorage.setJson('identity', identity);
  }

  /** Logout: no identity, and a new anonymous visitor id, so nobody resumes the previous buyer's chat. */
  forgetVisitor(): void {
    this.setIdentity(null);
    this.#forgetAnonymous();
  }

  /** Creates (or re-joins, for the same visitor or identity) the buyer session; concurrent calls share one request. */
  createSession(): Promise<WidgetSession> {
    if (!this.#creating) {
      const epoch = this.#epoch;
      const creating = this.#openSession(this.identity)
        .then((response) => {
          if (epoch !== this.#epoch) throw new ApiError(0, 'superseded', '会话已切换');
          return this.#keep(response);
        })
        .finally(() => {
          if (this.#creating === creating) this.#creating = null;
        });
      this.#creating = creating;
    }
    return this.#creating;
  }

  async #openSession(identity: BuyerIdentity | null): Promise<WidgetSessionResponse> {
    const post = (extra: object) =>
      this.#fetchJson<WidgetSessionResponse>('POST', '/api/v1/widget/sessions', {
        // Only the pair the server issued resumes this browser's visitor; without it the server starts a new one.
        json: { shop: this.#shop, ...(storedVisitor(this.#storage) ?? {}), ...extra },
        auth: false,
      });
    if (!identity) return post({});
    const { nick, ...signed } = identity;
    try {
      return await post({ identity: signed, ...(nick ? { nick } : {}) });
    } catch (error) {
      if (!(error instanceof ApiError) || error.retryable || identity !== this.identity) throw error;
      // Refused (forged, expired, malformed): stay an anonymous visitor rather than lose the chat.
      this.identity = null;
      this.#forgetIdentity();
      this.#handlers.onIdentityFailed(error);
      return post({});
    }
  }

  #keep(response: WidgetSessionResponse): WidgetSession {
    const session: WidgetSession = {
      token: response.token,
      conversationId: response.conversation.id,
      buyerId: response.buyer.id,
      shopName: response.shop?.name,
      lastSeq: response.conversation.lastSeq,
      agentReadSeq: response.conversation.agentReadSeq,
      verified: !!response.buyer.verified,
    };
    this.session = session;
    if (session.verified) {
      this.#tabStorage.setJson('identity', this.identity);
      this.#tabStorage.setJson('session', session);
      // Closing the tab without logout must not hand the next person this browser's earlier anonymous chat.
      if (this.#storage.get('session')) this.#forgetAnonymous();
    } else {
      this.#storage.setJson('session', session);
      if (response.visitorId && response.visitorSecret) {
        storeVisitor(this.#storage, { visitorId: response.visitorId, visitorSecret: response.visitorSecret });
      }
    }
    this.#handlers.onSession(session);
    return session;
  }

  /** Forgets this browser's anonymous visitor: the next session is a new one, under a new id from the server. */
  #forgetAnonymous(): void {
    this.#storage.set('session', null);
    storeVisitor(this.#storage, null);
  }

  #forgetIdentity(): void {
    this.#tabStorage.set('identity', null);
    this.#tabStorage.set('session', null);
  }

  /** The verified buyer's orders, newest first (anonymous visitors: 403 identity_required). */
  async listOrders(): Promise<OrderView[]> {
    return (await this.request<{ orders: OrderView[] }>('GET', '/api/v1/widget/orders')).orders;
  }

  listMessages(query: { afterSeq?: number; beforeSeq?: number; limit?: number }): Promise<ListMessagesResponse> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    return this.request<ListMessagesResponse>('GET', `/api/v1/widget/messages?${params}`);
  }

  async sendMessage(request: SendRequest): Promise<Message> {
    const response = await this.request<SendMessageResponse>('POST', '/api/v1/widget/messages', { json: request });
    return response.message;
  }

  /** Reports that the buyer is looking at a product (浏览足迹); agents see it beside the chat at once. */
  recordFootprint(productId: string): Promise<unknown> {
    return this.request('POST', '/api/v1/widget/footprints', { json: { productId } });
  }

  markRead(seq: number): Promise<unknown> {
    return this.request('POST', '/api/v1/widget/read', { json: { seq } });
  }

  async upload(file: Blob): Promise<UploadResponse['attachment']> {
    const response = await this.request<UploadResponse>('POST', '/api/v1/widget/uploads', { raw: file });
    return response.attachment;
  }

  /** The shop's name and its service status (在线 / 休息中), public. */
  getShop(): Promise<{ shop: { slug: string; name: string }; service?: ServiceStatus }> {
    return this.#fetchJson('GET', `/api/v1/shops/${encodeURIComponent(this.#shop)}`, { auth: false });
  }

  /** An authenticated request; on 401 the session is created again (same visitor) and the request repeated once. */
  async request<T>(method: string, path: string, options: { json?: unknown; raw?: Blob } = {}): Promise<T> {
    if (!this.session) await this.createSession();
    try {
      return await this.#fetchJson<T>(method, path, options);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      await this.createSession();
      return this.#fetchJson<T>(method, path, options);
    }
  }

  async #fetchJson<T>(method: string, path: string, options: { json?: unknown; raw?: Blob; auth?: boolean }): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': this.language };
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.raw) {
      headers['Content-Type'] = options.raw.type || 'application/octet-stream';
      body = options.raw;
    }
    if (options.auth !== false && this.session) headers.Authorization = `Bearer ${this.session.token}`;
    let response: Response;
    try {
      response = await fetch(this.base + path, { method, headers, body });
    } catch {
      throw new ApiError(0, 'network_error', '网络连接失败');
    }
    const data: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
      throw new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? `请求失败 (${response.status})`);
    }
    return data as T;
  }
}
