/**
 * "Typing" signals of one socket: at most one per conversation per interval, whatever the value, so toggling
 * true/false cannot flood the other side. A signal that arrives too soon is held and the last value goes out
 * when the interval ends, so a "stopped" right after a "typing" is never lost.
 */
export class TypingThrottle {
  readonly #sentAt = new Map<string, number>();
  readonly #held = new Map<string, { typing: boolean; timer: NodeJS.Timeout }>();

  constructor(
    /** Least time between two signals for one conversation. */
    private readonly intervalMs: number,
    /** Sends one signal (checks that need the database happen here, at most once per interval). */
    private readonly publish: (conversationId: string, typing: boolean) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  offer(conversationId: string, typing: boolean): void {
    const held = this.#held.get(conversationId);
    if (held) {
      held.typing = typing;
      return;
    }
    const wait = (this.#sentAt.get(conversationId) ?? -Infinity) + this.intervalMs - performance.now();
    if (wait <= 0) {
      this.#send(conversationId, typing);
      return;
    }
    const entry = {
      typing,
      timer: setTimeout(() => {
        this.#held.delete(conversationId);
        this.#send(conversationId, entry.typing);
      }, wait),
    };
    this.#held.set(conversationId, entry);
  }

  /** The socket closed: nothing held goes out any more. */
  stop(): void {
    for (const { timer } of this.#held.values()) clearTimeout(timer);
    this.#held.clear();
  }

  #send(conversationId: string, typing: boolean): void {
    // An agent socket may touch many conversations over a day; forget the oldest rather than grow without bound.
    if (this.#sentAt.size >= 1000) this.#sentAt.delete(this.#sentAt.keys().next().value!);
    this.#sentAt.set(conversationId, performance.now());
    this.publish(conversationId, typing).catch(this.onError);
  }
}
