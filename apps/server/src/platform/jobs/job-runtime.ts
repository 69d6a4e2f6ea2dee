import type { AppContext } from '../app-context.js';
import { ensureSetting } from '../db/settings.repository.js';
import { DatabaseJobQueue } from './database-job-queue.js';
import type { JobDefinition, JobQueue, ScheduleDefinition } from './job-definition.js';
import { RedisJobQueue } from './redis-job-queue.js';

/** This process's jobs: the queue (database or Redis), its worker, and the schedules' fan-out loop. */
export interface JobRuntime {
  queue: JobQueue;
  /** Runs every schedule's fan-out once, by the app clock (the loop calls it; tests may too). */
  tick(): Promise<number>;
  /** tick() then settle(): everything due now is enqueued and run. */
  runDue(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Opens the job queue: BullMQ when REDIS_URL is set, the `jobs` table otherwise. With tickMs > 0 this
 * process runs the worker and the schedules (every tickMs, or their own everyMs); with 0 (or a web-only
 * process) nothing runs here until tick()/runDue(), though jobs may still be enqueued for other processes.
 */
export async function startJobs(
  app: AppContext,
  options: {
    jobs: JobDefinition[];
    schedules: ScheduleDefinition[];
    tickMs: number;
  },
): Promise<JobRuntime> {
  const definitions = new Map(options.jobs.map((j) => [j.id, j]));
  const queue: JobQueue = app.config.redisUrl
    ? new RedisJobQueue(app, definitions, { url: app.config.redisUrl, namespace: await jobsNamespace(app) })
    : new DatabaseJobQueue(app, definitions);
  let ticking: Promise<number> | undefined;
  let stopped = false;
  const lastFanOut = new Map<string, number>();
  /** Fans out the given schedules once (one loop at a time per process). */
  const fanOut = (schedules: ScheduleDefinition[]) => {
    if (stopped) return Promise.resolve(0);
    ticking ??= (async () => {
      let enqueued = 0;
      for (const schedule of schedules) {
        lastFanOut.set(schedule.id, Date.now());
        try {
          enqueued += await schedule.fanOut(app, queue);
        } catch (err) {
          app.log.warn({ err, schedule: schedule.id }, 'schedule fan-out failed');
        }
      }
      return enqueued;
    })().finally(() => (ticking = undefined));
    return ticking;
  };
  const tick = async () => {
    // An explicit tick fans out every schedule, after a loop pass that may be running only some of them.
    while (ticking) await ticking;
    return fanOut(options.schedules);
  };
  let timer: NodeJS.Timeout | undefined;
  if (options.tickMs > 0) {
    queue.startWorker();
    // The loop wakes as often as the most frequent schedule asks and fans out the ones whose period passed.
    const periodOf = (schedule: ScheduleDefinition) => schedule.everyMs ?? options.tickMs;
    const wakeMs = Math.min(options.tickMs, ...options.schedules.map(periodOf));
    timer = setInterval(() => {
      if (ticking) return;
      const due = options.schedules.filter((s) => Date.now() - (lastFanOut.get(s.id) ?? 0) >= periodOf(s) - wakeMs / 2);
      if (due.length) void fanOut(due);
    }, wakeMs);
    timer.unref();
  }
  return {
    queue,
    tick,
    async runDue(timeoutMs) {
      await tick();
      await queue.settle(timeoutMs);
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await ticking;
      await queue.close();
    },
  };
}

/** A random name kept in the database, the same for every process on it: separates Redis queues of different installations. */
async function jobsNamespace(app: AppContext): Promise<string> {
  return ensureSetting(app.storage.db, 'jobs_namespace', crypto.randomUUID().slice(0, 12));
}
