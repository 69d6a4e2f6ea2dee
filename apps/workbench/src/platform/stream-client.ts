import type { ClientFrame, ServerFrame } from '@golddesk/contracts';

export type StreamStatus = 'connecting' | 'open' | 'closed';

interface StreamOptions {
  /** Returns the current token, or null when signed out (then no reconnect). */
  token: () => string | null;
  onFrame: (frame: ServerFrame) => void;
  /** Called after `ready` on every (re)connect: the place to send `resume`. */
  onReady: () => void;
  onStatus: (status: StreamStatus) => void;
  /** Called after repeated failures, to let the app check whether the token still works. */
  onRepeatedFailure?: () => void;
}

const PING_INTERVAL_MS = 25_000;
/** The server's close code for a token that stopped working. */
const CLOSE_UNAUTHORIZED = 4401;
const MAX_BACKOFF_MS = 30_000;

/** One WebSocket to /api/v1/stream that reconnects with exponential backoff and keeps itself alive. */
export class StreamClient {
  private socket: WebSocket | null = null;
  private attempts = 0;
  private reconnectTimer: number | undefined;
  private pingTimer: number | undefined;
  private stopped = false;

  constructor(private readonly options: StreamOptions) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.reconnectTimer);
    window.clearInterval(this.pingTimer);
    this.socket?.close(1000, 'bye');
    this.socket = null;
  }

  /** Sends a frame if the socket is open; frames are best-effort (HTTP is the reliable path). */
  send(frame: ClientFrame): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Reconnects now (e.g. the browser came back online) instead of waiting for the backoff. */
  reconnectSoon(): void {
    if (this.stopped || this.socket?.readyState === WebSocket.OPEN) return;
    window.clearTimeout(this.reconnectTimer);
    this.connect();
  }

  private connect(): void {
    const token = this.options.token();
    if (!token || this.stopped) return;
    const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${protocol}//${location.host}/api/v1/stream?token=${encodeURIComponent(token)}`);
    this.socket = socket;
    this.options.onStatus('connecting');

    socket.onmessage = (event) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(event.data)) as ServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'ready') {
        this.attempts = 0;
        this.options.onStatus('open');
        this.options.onReady();
      }
      this.options.onFrame(frame);
    };
    socket.onopen = () => {
      window.clearInterval(this.pingTimer);
      this.pingTimer = window.setInterval(() => this.send({ type: 'ping' }), PING_INTERVAL_MS);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return; // an older socket we already replaced
      window.clearInterval(this.pingTimer);
      this.socket = null;
      this.options.onStatus('closed');
      if (this.stopped) return;
      this.attempts += 1;
      // 4401: signed out, disabled or expired; the token check sends us back to the login page at once.
      if (this.attempts >= 2 || event.code === CLOSE_UNAUTHORIZED) this.options.onRepeatedFailure?.();
      // Exponential backoff with jitter so many tabs don't reconnect in lockstep.
      const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(this.attempts - 1, 5));
      const delay = base / 2 + Math.random() * (base / 2);
      this.reconnectTimer = window.setTimeout(() => this.connect(), delay);
    };
  }
}
