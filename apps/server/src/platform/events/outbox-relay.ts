import { randomUUID } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import type { OutboxEvent, RelayedEvent } from './outbox.js';
import { inProcessRunner, sqliteWorkerRunner, type BatchRunner } from '../db/batch-runner.js';
import {
  applyOutboxChanges,
  OUTBOX_REPOSITORY_MODULE,
  type OutboxChange,
  hasDueOutboxEvent,
  type ClaimedOutboxRow,
} from './outbox.repository.js';

const POLL_MS = 1_000;
/**
 * Events heard on the bus wake the relay after this pause, so under load one pass takes the events of many commits
 * (each pass's claim and mark are durable commits that queue behind the message writer's).
 */
const WAKE_DELAY_MS = 200;
/** Relayed rows older than KEEP_MS are pruned at most this often, not on every pass. */
const PRUNE_EVERY_MS = 60_000;
const LEASE_MS = 60_000;
const BATCH = 500;
/** Relayed rows are kept this long for inspection, then deleted. */
const KEEP_MS = 7 * 24 * 3_600_000;

/** A durable consumer: must be idempotent by `relayed.id` (it may see an event again after a crash or a retry). */
export type OutboxConsumer = (relayed: RelayedEvent) => Promise<void>;

/**
 * Hands recorded outbox events to the durable consumers (webhook enqueue, automation), once across processes:
 * a pass claims due rows with a lease (one conditional UPDATE per batch), runs every consumer on each event (one
 * conversation's events in order, different conversations side by side), and marks them relayed; a consumer that
 * throws leaves the event to be retried with back-off, and a process that dies mid-pass leaves it to the next claim
 * after the lease. kick() after a commit for latency; a poll
 * every second is the safety net (a lost bus message, a crashed writer process).
 */
export class OutboxRelay {
  private readonly consumers = new Map<string, OutboxConsumer>();
  private readonly relayId = randomUUID();
  private timer?: NodeJS.Timeout;
  private unsubscribeBus?: () => void;
  private running?: Promise<number>;
  private again = false;
  private wake?: NodeJS.Timeout;
  private prunedAt = -Infinity;
  private stopped = false;
  /**
   * Leases, relayed marks and retries are written here: on SQLite a writer thread of its own (see applyOutboxChanges),
   * started with the first pass, so a process that never relays starts none.
   */
  private changes?: BatchRunner<OutboxChange, ClaimedOutboxRow[]>;

  constructor(private readonly app: AppContext) {}

  private async apply(change: OutboxChange): Promise<ClaimedOutboxRow[]> {
    this.changes ??=
      this.app.storage.dialect === 'sqlite'
        ? sqliteWorkerRunner(this.app.config.dataDir, {
            module: OUTBOX_REPOSITORY_MODULE,
            exportName: 'applyOutboxChanges',
            relaxedDurability: true,
          })
        : inProcessRunner(this.app.storage.db, applyOutboxChanges);
    return (await this.changes.run([change]))[0]!;
  }

  /** Adds a consumer under a stable name; returns the way to remove it. */
  subscribe(name: string, consumer: OutboxConsumer): () => void {
    this.consumers.set(name, consumer);
    return () => void this.consumers.delete(name);
  }

  /** Starts this process's relay loop (the worker role) and wakes it on committed events heard on the bus. */
  start() {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    const unsubscribe = this.app.bus.subscribe((event) => {
      if (event.type === 'message.created' || event.type === 'order.updated' || event.type === 'case.updated') this.wakeSoon();
    });
    // This process's own publish failed: nobody heard the event, so relay it from here at once.
    const unwatch = this.app.bus.onPublishFailed(() => this.kick());
    this.unsubscribeBus = () => {
      unsubscribe();
      unwatch();
    };
  }

  /** One pass WAKE_DELAY_MS from now for however many events are heard meanwhile. */
  private wakeSoon() {
    if (this.wake || this.stopped) return;
    this.wake = setTimeout(() => {
      this.wake = undefined;
      this.kick();
    }, WAKE_DELAY_MS);
  }

  /** Runs a pass soon (another right after, when one is running now). */
  kick() {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.runOnce();
  }

  /** One pass in this process (single flight). Returns how many events it relayed. */
  runOnce(): Promise<number> {
    if (this.stopped) return Promise.resolve(0);
    this.running ??= this.relayDue()
      .catch((err: unknown) => {
        this.app.log.warn({ err }, 'outbox relay pass failed');
        return 0;
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
    return this.running;
  }

  /**
   * Relays until no event is due (also waiting for ones another process holds), or timeoutMs passed. Tests and
   * settle helpers use it; events waiting for a retry later are not waited for.
   */
  async drain(timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !this.stopped) {
      await this.runOnce();
      const now = this.app.now().toISOString();
      if (!(await hasDueOutboxEvent(this.app.storage.db, now))) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop() {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.wake);
    this.unsubscribeBus?.();
    await this.running;
    await this.changes?.close();
  }

  private async relayDue(): Promise<number> {
    const now = this.app.now();
    const nowIso = now.toISOString();
    const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
    // One statement claims the batch and returns it; the outer condition is checked again on each row, so two relays
    // never hold one event.
    const claimed = (await this.apply({ kind: 'claim', nowIso, leaseUntil, relayId: this.relayId, limit: BATCH })).sort((a, b) =>
      a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
    if (claimed.length === 0) return 0;
    // One conversation's (or order's) events go one after the other, in order; different ones side by side.
    const chains = new Map<string, typeof claimed>();
    for (const row of claimed) {
      const key = orderingKey(JSON.parse(row.payload_json) as OutboxEvent);
      chains.set(key, [...(chains.get(key) ?? []), row]);
    }
    const relayedIds: string[] = [];
    await Promise.all(
      [...chains.values()].map(async (rows) => {
        for (const row of rows) {
          if (this.stopped) return;
          if (await this.handOver(row)) relayedIds.push(row.id);
        }
      }),
    );
    const at = this.app.now().toISOString();
    if (relayedIds.length > 0) {
      await this.apply({ kind: 'mark', ids: relayedIds, relayId: this.relayId, at });
    }
    if (performance.now() - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prunedAt = performance.now();
      await this.apply({ kind: 'prune', before: new Date(now.getTime() - KEEP_MS).toISOString() });
    }
    return relayedIds.length;
  }

  /** Runs every consumer on one claimed event; on a failure, schedules the retry and returns false. */
  private async handOver(row: ClaimedOutboxRow): Promise<boolean> {
    try {
      const relayed: RelayedEvent = {
        id: row.id,
        event: JSON.parse(row.payload_json) as OutboxEvent,
        recordedAt: row.created_at,
      };
      for (const consumer of this.consumers.values()) await consumer(relayed);
      return true;
    } catch (error) {
      // Every consumer runs again on the retry: each one is idempotent by the event id.
      const attempts = Number(row.attempts) + 1;
      const retryAt = new Date(this.app.now().getTime() + Math.min(2 ** attempts * 1000, 5 * 60_000)).toISOString();
      this.app.log.warn({ err: error, outboxEvent: row.id, attempts }, 'outbox event hand-over failed, will retry');
      await this.apply({
        kind: 'retry',
        id: row.id,
        relayId: this.relayId,
        attempts,
        retryAt,
        lastError: String(error instanceof Error ? error.message : error).slice(0, 1000),
      });
      return false;
    }
  }
}

/** Events with the same key keep their order: a conversation's messages, an order's updates, a case's. */
function orderingKey(event: OutboxEvent): string {
  if (event.type === 'order.updated') return `order:${event.order.id}`;
  if (event.type === 'aftersale.updated') return `case:${event.case.id}`;
  return `conversation:${event.conversationId}`;
}
