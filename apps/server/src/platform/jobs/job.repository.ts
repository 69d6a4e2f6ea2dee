import type { Insertable } from 'kysely';
import type { Queryable } from '../db/database.js';
import type { Database } from '../db/schema.js';

/** A due job as a worker pass sees it before claiming it. */
export interface DueJobRow {
  id: string;
  name: string;
  payload: string;
  attempts: number;
  job_key: string;
}

/** Adds a job unless one with the same job_key is waiting or running. */
export async function insertJobUnlessKeyTaken(db: Queryable, row: Insertable<Database['jobs']>): Promise<void> {
  await db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.column('job_key').doNothing())
    .execute();
}

/** Whether any pending job among `names` is due now. */
export async function hasDuePendingJob(db: Queryable, names: string[], nowIso: string): Promise<boolean> {
  const left = await db
    .selectFrom('jobs')
    .select('id')
    .where('status', '=', 'pending')
    .where('run_at', '<=', nowIso)
    .where('name', 'in', names)
    .limit(1)
    .executeTakeFirst();
  return left !== undefined;
}

/** Up to `limit` pending jobs among `names` that are due and not leased, earliest run_at first. */
export async function findDueUnleasedJobs(db: Queryable, names: string[], nowIso: string, limit: number): Promise<DueJobRow[]> {
  return db
    .selectFrom('jobs')
    .select(['id', 'name', 'payload', 'attempts', 'job_key'])
    .where('status', '=', 'pending')
    .where('run_at', '<=', nowIso)
    .where('name', 'in', names)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
    .orderBy('run_at')
    .limit(limit)
    .execute();
}

/** Leases a pending, unleased job to `workerId` and counts the attempt; true when this caller got it. */
export async function claimJob(
  db: Queryable,
  options: { id: string; workerId: string; lockedUntil: string; attempts: number; nowIso: string },
): Promise<boolean> {
  const { id, workerId, lockedUntil, attempts, nowIso } = options;
  const claimed = await db
    .updateTable('jobs')
    .set({ locked_until: lockedUntil, locked_by: workerId, attempts })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** Deletes a finished job this worker holds, freeing its key. */
export async function deleteFinishedJob(db: Queryable, id: string, workerId: string): Promise<void> {
  await db.deleteFrom('jobs').where('id', '=', id).where('locked_by', '=', workerId).execute();
}

/**
 * Records a failed run of a job this worker holds: back to pending at `retryAt`, or, when `giveUp`, failed for good
 * (kept for inspection with its key freed as `<id>:failed`).
 */
export async function recordJobFailure(
  db: Queryable,
  options: {
    id: string;
    workerId: string;
    giveUp: boolean;
    nowIso: string;
    retryAt: string;
    lastError: string;
    finishedAt: string;
  },
): Promise<void> {
  const { id, workerId, giveUp, nowIso, retryAt, lastError, finishedAt } = options;
  await db
    .updateTable('jobs')
    .set({
      status: giveUp ? 'failed' : 'pending',
      run_at: giveUp ? nowIso : retryAt,
      locked_until: null,
      ...(giveUp ? { job_key: `${id}:failed` } : {}),
      last_error: lastError,
      finished_at: giveUp ? finishedAt : null,
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

/**
 * Moves a schedule's last-run setting to `nowIso` when it is at or before `since`, or after now (a clock moved back);
 * true when this caller moved it. ISO timestamps compare as text.
 */
export async function claimScheduleRun(db: Queryable, key: string, nowIso: string, since: string): Promise<boolean> {
  const claimed = await db
    .updateTable('settings')
    .set({ value: nowIso })
    .where('key', '=', key)
    .where((eb) => eb.or([eb('value', '<=', since), eb('value', '>', nowIso)]))
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}
