import { randomUUID } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import { newId } from '../ids.js';
import type { EnqueueOptions, JobDefinition, JobQueue } from './job-definition.js';

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
    await this.app.storage.db
      .insertInto('jobs')
      .values({
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
      })
      .onConflict((oc) => oc.column('job_key').doNothing())
      .execute();
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
      const left = await this.app.storage.db
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'pending')
        .where('run_at', '<=', now)
        .where('name', 'in', [...this.definitions.keys()])
        .limit(1)
        .executeTakeFirst();
      if (!left) return;
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
    const due = await db
      .selectFrom('jobs')
      .select(['id', 'name', 'payload', 'attempts', 'job_key'])
      .where('status', '=', 'pending')
      .where('run_at', '<=', nowIso)
      .where('name', 'in', [...this.definitions.keys()])
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
      .orderBy('run_at')
      .limit(BATCH)
      .execute();
    let ran = 0;
    for (const row of due) {
      if (this.closed) break;
      const claimed = await db
        .updateTable('jobs')
        .set({
          locked_until: new Date(now.getTime() + LEASE_MS).toISOString(),
          locked_by: this.workerId,
          attempts: row.attempts + 1,
        })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      const definition = this.definitions.get(row.name)!;
      try {
        await definition.run(this.app, definition.payload.parse(JSON.parse(row.payload)));
        // Done: the row goes, so the key is free again. The work itself recorded what it did (that is
        // what makes a later enqueue of the same key a no-op), as with BullMQ's removeOnComplete.
        await db.deleteFrom('jobs').where('id', '=', row.id).where('locked_by', '=', this.workerId).execute();
        ran += 1;
      } catch (error) {
        const attempts = row.attempts + 1;
        const giveUp = attempts >= (definition.maxAttempts ?? 5);
        const retryAt = new Date(this.app.now().getTime() + Math.min(2 ** attempts * 1000, 5 * 60_000)).toISOString();
        this.app.log.warn({ err: error, job: row.name, attempts }, giveUp ? 'job failed for good' : 'job failed, will retry');
        await db
          .updateTable('jobs')
          .set({
            status: giveUp ? 'failed' : 'pending',
            run_at: giveUp ? nowIso : retryAt,
            locked_until: null,
            // A failed job stays for inspection but frees its key, so the schedule may try again later.
            ...(giveUp ? { job_key: `${row.id}:failed` } : {}),
            last_error: String(error instanceof Error ? error.message : error).slice(0, 1000),
            finished_at: giveUp ? this.app.now().toISOString() : null,
          })
          .where('id', '=', row.id)
          .where('locked_by', '=', this.workerId)
          .execute();
      }
    }
    return ran;
  }
}
