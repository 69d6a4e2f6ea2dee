/** WebSocket close code for a client that sent too many frames (4000–4999 are the application's own). */
export const CLOSE_TOO_MANY_FRAMES = 4429;

/**
 * How many frames of any kind one socket may send per window. Kept per socket in memory: it guards this
 * process's event loop from one flooding client, whichever process that client is on.
 */
export class FrameBudget {
  #windowStart = Number.NEGATIVE_INFINITY;
  #count = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    /** The app clock, in ms. */
    private readonly now: () => number,
  ) {}

  /** Counts one frame; false once the socket went over its budget in the current window. */
  take(): boolean {
    const now = this.now();
    if (now - this.#windowStart >= this.windowMs) {
      this.#windowStart = now;
      this.#count = 0;
    }
    this.#count += 1;
    return this.#count <= this.limit;
  }
}
