import { randomUUID } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import { newId } from '../ids.js';
import type { EnqueueOptions, JobDefinition, JobQueue } from './job-definition.js';
import {
  claimJob,
  deleteFinishedJob,
  findDueUnleasedJobs,
  hasDuePendingJob,
  insertJobUnlessKeyTaken,
  recordJobFailure,
} from './job.repository.js';

const LEASE_MS = 2 * 60_000;
const POLL_MS = 1_000;
const BATCH = 20;

/**
 * Jobs in the `jobs` table (SQLite or PostgreSQL). Enqueue is an insert that ignores a known job_key; a
 * worker claims a due row with one portable UPDATE … WHERE id = ? AND (locked_until IS NULL OR
 * locked_until < now) and runs it only when that update changed exactly one row, so one process runs it.
 * A crashed worker's lease runs out and the job is claimed again (the job itself is idempotent).
 * A key is one job while it waits or runs; a finished job's row is deleted (like BullMQ's removeOnComplete).
 */
export class DatabaseJobQueue implements JobQueue {
  readonly backend = 'database' as const;
  private readonly workerId = randomUUID();
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private closed = false;

  constructor(
    private readonly app: AppContext,
    private readonly definitions: Map<string, JobDefinition>,
  ) {}

  async enqueue<P>(job: JobDefinition<P>, payload: P, options: EnqueueOptions): Promise<void> {
    const now = this.app.now().toISOString();
    await insertJobUnlessKeyTaken(this.app.storage.db, {
      id: newId(),
      job_key: options.key,
      name: job.id,
      payload: JSON.stringify(job.payload.parse(payload)),
      status: 'pending',
      run_at: now,
      attempts: 0,
      locked_until: null,
      locked_by: null,
      last_error: null,
      created_at: now,
      finished_at: null,
    });
  }

  startWorker() {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => void this.runOnce(), POLL_MS);
    this.timer.unref();
  }

  /** One pass over the due jobs in this process (single flight). Returns how many it ran. */
  runOnce(): Promise<number> {
    if (this.closed) return Promise.resolve(0);
    this.running ??= this.runDue()
      .catch((err: unknown) => {
        this.app.log.warn({ err }, 'job worker pass failed');
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async settle(timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      await this.runOnce();
      const now = this.app.now().toISOString();
      if (!(await hasDuePendingJob(this.app.storage.db, [...this.definitions.keys()], now))) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async close() {
    this.closed = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async runDue(): Promise<number> {
    const db = this.app.storage.db;
    const now = this.app.now();
    const nowIso = now.toISOString();
    const due = await findDueUnleasedJobs(db, [...this.definitions.keys()], nowIso, BATCH);
    let ran = 0;
    for (const row of due) {
      if (this.closed) break;
      const claimed = await claimJob(db, {
        id: row.id,
        workerId: this.workerId,
        lockedUntil: new Date(now.getTime() + LEASE_MS).toISOString(),
        attempts: row.attempts + 1,
        nowIso,
      });
      if (!claimed) continue;
      const definition = this.definitions.get(row.name)!;
      try {
        await definition.run(this.app, definition.payload.parse(JSON.parse(row.payload)));
        // Done: the row goes, so the key is free again. The work itself recorded what it did (that is
        // what makes a later enqueue of the same key a no-op), as with BullMQ's removeOnComplete.
        await deleteFinishedJob(db, row.id, this.workerId);
        ran += 1;
      } catch (error) {
        const attempts = row.attempts + 1;
        const giveUp = attempts >= (definition.maxAttempts ?? 5);
        const retryAt = new Date(this.app.now().getTime() + Math.min(2 ** attempts * 1000, 5 * 60_000)).toISOString();
        this.app.log.warn({ err: error, job: row.name, attempts }, giveUp ? 'job failed for good' : 'job failed, will retry');
        // A failed job stays for inspection but frees its key, so the schedule may try again later.
        await recordJobFailure(db, {
          id: row.id,
          workerId: this.workerId,
          giveUp,
          nowIso,
          retryAt,
          lastError: String(error instanceof Error ? error.message : error).slice(0, 1000),
          finishedAt: this.app.now().toISOString(),
        });
      }
    }
    return ran;
  }
}
