import type { ShopStorage } from './storage.js';
import type {
  ListMessagesResponse,
  Message,
  MessageKind,
  SendMessageResponse,
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
}

/** HTTP client for /api/v1/widget/*: keeps the buyer token and renews the session on 401. */
export class WidgetApi {
  session: WidgetSession | null;
  #creating: Promise<WidgetSession> | null = null;

  /** Origin of the GoldDesk server, e.g. https://desk.example.com. */
  readonly base: string;
  readonly #shop: string;
  readonly #visitorId: string;
  readonly #storage: ShopStorage;
  /** Called whenever a new session was created. */
  readonly #onSession: (session: WidgetSession) => void;

  constructor(
    base: string,
    shop: string,
    visitorId: string,
    storage: ShopStorage,
    onSession: (session: WidgetSession) => void,
  ) {
    this.base = base;
    this.#shop = shop;
    this.#visitorId = visitorId;
    this.#storage = storage;
    this.#onSession = onSession;
    this.session = storage.getJson<WidgetSession>('session');
  }

  /** Creates (or re-joins, for the same visitorId) the buyer session; concurrent calls share one request. */
  createSession(): Promise<WidgetSession> {
    if (!this.#creating) {
      this.#creating = this.#fetchJson<WidgetSessionResponse>('POST', '/api/v1/widget/sessions', {
        json: { shop: this.#shop, visitorId: this.#visitorId },
        auth: false,
      })
        .then((response) => {
          const session: WidgetSession = {
            token: response.token,
            conversationId: response.conversation.id,
            buyerId: response.buyer.id,
            shopName: response.shop?.name,
            lastSeq: response.conversation.lastSeq,
            agentReadSeq: response.conversation.agentReadSeq,
          };
          this.session = session;
          this.#storage.setJson('session', session);
          this.#onSession(session);
          return session;
        })
        .finally(() => {
          this.#creating = null;
        });
    }
    return this.#creating;
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

  getShop(): Promise<{ shop: { slug: string; name: string } }> {
    return this.#fetchJson('GET', `/api/v1/shops/${encodeURIComponent(this.#shop)}`, { auth: false });
  }

  /** An authenticated request; on 401 the session is created again (same visitorId) and the request repeated once. */
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

  async #fetchJson<T>(
    method: string,
    path: string,
    options: { json?: unknown; raw?: Blob; auth?: boolean },
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
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
      throw new ApiError(
        response.status,
        error?.code ?? 'http_error',
        error?.message ?? `请求失败 (${response.status})`,
      );
    }
    return data as T;
  }
}
