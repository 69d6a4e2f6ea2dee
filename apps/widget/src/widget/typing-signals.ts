const THROTTLE_MS = 3_000;
const IDLE_MS = 4_000;
const REMOTE_TTL_MS = 8_000;

/**
 * "正在输入" both ways: the buyer's keystrokes become at most one signal per few seconds (and a stop after a
 * pause); the agent's signal shows a hint that also goes away by itself if its stop is lost.
 */
export class TypingSignals {
  #sentAt = 0;
  #idleTimer: number | undefined;
  #remoteTimer: number | undefined;

  constructor(
    private readonly send: (typing: boolean) => void,
    private readonly show: (typing: boolean) => void,
  ) {}

  /** The buyer pressed a key in the input. */
  onKeystroke(): void {
    const now = Date.now();
    if (now - this.#sentAt > THROTTLE_MS) {
      this.#sentAt = now;
      this.send(true);
    }
    window.clearTimeout(this.#idleTimer);
    this.#idleTimer = window.setTimeout(() => this.stop(), IDLE_MS);
  }

  /** The buyer sent or closed the panel: stop, if a start was signalled. */
  stop(): void {
    window.clearTimeout(this.#idleTimer);
    if (this.#sentAt === 0) return;
    this.#sentAt = 0;
    this.send(false);
  }

  /** The agent started or stopped typing (or a message from them arrived). */
  setRemote(typing: boolean): void {
    window.clearTimeout(this.#remoteTimer);
    this.show(typing);
    if (typing) this.#remoteTimer = window.setTimeout(() => this.show(false), REMOTE_TTL_MS);
  }
}
