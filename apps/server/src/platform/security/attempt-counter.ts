import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Counts attempts per key inside a window: login failures per account, sessions per address. */
export interface AttemptCounter {
  /** Adds one and returns the count within the window. */
  hit(key: string, windowSeconds: number): Promise<number>;
  count(key: string): Promise<number>;
  reset(key: string): Promise<void>;
}

export class MemoryAttemptCounter implements AttemptCounter {
  private readonly entries = new Map<string, { count: number; expiresAt: number }>();

  /** @param now the app clock in ms, so tests move past a window instead of waiting it out */
  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, windowSeconds: number) {
    const now = this.now();
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= now) {
      if (this.entries.size > 100_000) this.sweep(now);
      this.entries.set(key, { count: 1, expiresAt: now + windowSeconds * 1000 });
      return 1;
    }
    entry.count += 1;
    return entry.count;
  }
  async count(key: string) {
    const entry = this.entries.get(key);
    return entry && entry.expiresAt > this.now() ? entry.count : 0;
  }
  async reset(key: string) {
    this.entries.delete(key);
  }
  private sweep(now: number) {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}

/**
 * Shared by every process, so a throttle cannot be dodged by hitting another server. Keys are namespaced per
 * installation (a digest of its signing secret): installations (or test databases) sharing one Redis count apart.
 */
export class RedisAttemptCounter implements AttemptCounter {
  private readonly prefix: string;
  constructor(
    private readonly redis: Redis,
    signingSecret: string,
  ) {
    this.prefix = `golddesk:attempts:${createHash('sha256').update(signingSecret).digest('hex').slice(0, 16)}:`;
  }
  async hit(key: string, windowSeconds: number) {
    const k = this.prefix + key;
    const [[, count]] = (await this.redis.multi().incr(k).expire(k, windowSeconds, 'NX').exec()) as [[null, number]];
    return count;
  }
  async count(key: string) {
    return Number((await this.redis.get(this.prefix + key)) ?? 0);
  }
  async reset(key: string) {
    await this.redis.del(this.prefix + key);
  }
}
