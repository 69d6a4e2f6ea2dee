import type { AppContext } from '../app-context.js';
import { insertSettingIfAbsent } from '../db/settings.repository.js';
import { claimScheduleRun } from './job.repository.js';

/**
 * Claims the current period of a periodic task for this caller: true at most once per `periodMs` (by the app clock)
 * across every process on the database. A schedule calls it before fanning out work that should run once per period
 * (a scan), not once per process. The claim is a conditional UPDATE on a `settings` row, portable to both databases.
 */
export async function claimSchedulePeriod(app: AppContext, scheduleId: string, periodMs: number): Promise<boolean> {
  const db = app.storage.db;
  const key = `schedule_last_run:${scheduleId}`;
  const now = app.now();
  if (await insertSettingIfAbsent(db, key, now.toISOString())) return true;
  const since = new Date(now.getTime() - periodMs).toISOString();
  // ISO timestamps compare as text; a clock moved back (tests) counts as a new period too.
  return claimScheduleRun(db, key, now.toISOString(), since);
}
