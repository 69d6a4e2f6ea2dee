import type { z } from 'zod';
import type { AppContext } from '../app-context.js';

/**
 * A typed, versioned job: `id` is stable and carries a version (`orders.payment-reminder@1`); a payload
 * change that old workers cannot read gets a new version, never a renamed class. `run` must be idempotent:
 * a job may run again after a crash or a lost lease, so the work itself guards against doing it twice.
 */
export interface JobDefinition<P = unknown> {
  /** `<module>.<job>@<version>` */
  id: string;
  /** Checked on enqueue and again before running. */
  payload: z.ZodType<P>;
  /** How many runs before the job is given up (failed). */
  maxAttempts?: number;
  run(app: AppContext, payload: P): Promise<void>;
}

/** Declares a job; the helper only fixes the types. */
export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+@\d+$/.test(definition.id))
    throw new Error(`job id must look like module.job@1: ${definition.id}`);
  return definition;
}

/**
 * Periodic fan-out ("cron"): finds work that is due by the app clock and enqueues one job per piece with a
 * deterministic key. It never does the work itself, so every process may run it at the same time.
 */
export interface ScheduleDefinition {
  id: string;
  /** How often the loop fans this schedule out; unset: every JOBS_TICK_SECONDS. For work due within seconds. */
  everyMs?: number;
  fanOut(app: AppContext, queue: JobQueue): Promise<number>;
}

export interface EnqueueOptions {
  /** Deterministic key (e.g. `reminder:<orderId>:<n>`): the same key enqueued twice, anywhere, is one job. */
  key: string;
}

/** One interface, two backends: the database (polling, leased row claims) or Redis (BullMQ). */
export interface JobQueue {
  readonly backend: 'database' | 'redis';
  enqueue<P>(job: JobDefinition<P>, payload: P, options: EnqueueOptions): Promise<void>;
  /** Starts this process's worker. */
  startWorker(): void;
  /**
   * Runs (database) or waits for the workers to run (Redis) every job due now; resolves when none is
   * waiting or running, or after timeoutMs. For tests and the scheduler loop.
   */
  settle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}
