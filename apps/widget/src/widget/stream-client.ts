import type { ClientFrame, ServerFrame } from './types.js';

/** Connection state shown to the buyer. */
export type StreamState = 'offline' | 'connecting' | 'syncing' | 'live';

/** Wiring for {@link StreamClient}. */
export interface StreamOptions {
  /** Full ws(s):// URL with the current token, or null when there is no session yet. */
  url: () => string | null;
  /** conversationId → last seq the client holds, sent in `resume` after every `ready`. */
  cursors: () => Record<string, number>;
  onFrame: (frame: ServerFrame) => void;
  onState: (state: StreamState) => void;
  /** Called after a connection closed before `ready` (bad token?): should renew the session if needed. */
  onHandshakeFailed: () => Promise<void>;
  /** The server closed the socket for sending too much (code 4429); `reason` is its message for the buyer. */
  onLimited: (reason: string) => void;
}

/** Close code of a socket that sent too many frames. */
const CLOSE_TOO_MANY_FRAMES = 4429;

const PING_INTERVAL_MS = 25_000;
const PONG_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 15_000;
const MAX_BACKOFF_MS = 30_000;

/** WebSocket to /api/v1/stream that reconnects by itself with backoff and resumes from the last seq. */
export class StreamClient {
  state: StreamState = 'offline';
  #socket: WebSocket | null = null;
  #running = false;
  #attempts = 0;
  #gotReady = false;
  #retryTimer: number | undefined;
  #pingTimer: number | undefined;
  #watchdog: number | undefined;

  readonly #options: StreamOptions;

  constructor(options: StreamOptions) {
    this.#options = options;
    window.addEventListener('online', () => this.reconnectNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.reconnectNow();
    });
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#connect();
  }

  stop(): void {
    this.#running = false;
    window.clearTimeout(this.#retryTimer);
    this.#drop();
    this.#setState('offline');
  }

  /** Sends a frame if the socket is open; false means the caller should use HTTP instead. */
  send(frame: ClientFrame): boolean {
    if (!this.#socket || this.#socket.readyState !== WebSocket.OPEN || !this.#gotReady) return false;
    this.#socket.send(JSON.stringify(frame));
    return true;
  }

  /** Reconnect at once (network back, tab visible, new token) unless a healthy socket exists. */
  reconnectNow(force = false): void {
    if (!this.#running) return;
    if (!force && this.#socket && this.#socket.readyState <= WebSocket.OPEN) return;
    window.clearTimeout(this.#retryTimer);
    this.#attempts = 0;
    this.#connect();
  }

  #connect(): void {
    this.#drop();
    const url = this.#options.url();
    if (!url) return;
    this.#setState('connecting');
    this.#gotReady = false;
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch {
      this.#scheduleReconnect();
      return;
    }
    this.#socket = socket;
    this.#armWatchdog(CONNECT_TIMEOUT_MS);
    socket.onmessage = (event) => {
      if (socket !== this.#socket) return;
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(event.data)) as ServerFrame;
      } catch {
        return;
      }
      window.clearTimeout(this.#watchdog);
      this.#handleFrame(frame);
    };
    socket.onclose = (event) => {
      if (socket !== this.#socket) return;
      if (event.code === CLOSE_TOO_MANY_FRAMES) this.#options.onLimited(event.reason);
      const failedHandshake = !this.#gotReady;
      this.#drop();
      if (!this.#running) return;
      this.#setState('connecting');
      if (failedHandshake && this.#attempts > 0) {
        // Possibly an expired token: let the API layer renew the session before the next try.
        this.#options
          .onHandshakeFailed()
          .catch(() => undefined)
          .finally(() => {
            // Renewing the session may already have reconnected with the new token.
            if (!this.#socket) this.#scheduleReconnect();
          });
      } else {
        this.#scheduleReconnect();
      }
    };
  }

  #handleFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'ready':
        this.#gotReady = true;
        this.#attempts = 0;
        this.#setState('syncing');
        this.send({ type: 'resume', cursors: this.#options.cursors() });
        this.#startPing();
        break;
      case 'synced':
        this.#setState('live');
        break;
      case 'pong':
        break;
      default:
        break;
    }
    this.#options.onFrame(frame);
  }

  #startPing(): void {
    window.clearInterval(this.#pingTimer);
    this.#pingTimer = window.setInterval(() => {
      if (this.send({ type: 'ping' })) this.#armWatchdog(PONG_TIMEOUT_MS);
    }, PING_INTERVAL_MS);
  }

  /** Closes the socket when no frame arrives in time (half-open connections never fire close). */
  #armWatchdog(ms: number): void {
    window.clearTimeout(this.#watchdog);
    this.#watchdog = window.setTimeout(() => this.#socket?.close(), ms);
  }

  #scheduleReconnect(): void {
    window.clearTimeout(this.#retryTimer);
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.#attempts) * (0.5 + Math.random() / 2);
    this.#attempts += 1;
    this.#retryTimer = window.setTimeout(() => this.#connect(), delay);
  }

  #drop(): void {
    window.clearInterval(this.#pingTimer);
    window.clearTimeout(this.#watchdog);
    const socket = this.#socket;
    this.#socket = null;
    this.#gotReady = false;
    if (socket) {
      socket.onmessage = null;
      socket.onclose = null;
      if (socket.readyState <= WebSocket.OPEN) socket.close();
    }
  }

  #setState(state: StreamState): void {
    if (state === this.state) return;
    this.state = state;
    this.#options.onState(state);
  }
}

/** ws(s)://host/api/v1/stream?token=… for an http(s) base URL. */
export function streamUrl(base: string, token: string): string {
  const url = new URL('/api/v1/stream', base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  return url.href;
}
