import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.js';
import { defineJob, type JobQueue, type ScheduleDefinition } from '../../../platform/jobs/index.js';
import { fillFreeSlots } from '../commands/fill-free-slots.js';
import { reassignUnanswered } from '../commands/reassign-unanswered.js';
import { tellLongWaits } from '../commands/tell-long-waits.js';
import { refreshQueuePlacesSoon } from '../queue-places.js';
import { readRoutingSettings } from '../routing-settings.js';
import { listShopsWithWaitingBuyers } from '../routing.repository.js';

/**
 * One shop's routing housekeeping, by the app clock: unanswered buyers move on, free slots take queued buyers
 * (a safety net beside the immediate routing, e.g. after a process died), long waits raise alerts.
 */
export const routingSweepJob = defineJob({
  id: 'routing.sweep@1',
  payload: z.object({ shopId: z.string() }),
  async run(app, payload) {
    await sweepRouting(app, payload.shopId);
  },
});

export async function sweepRouting(app: AppContext, shopId: string): Promise<void> {
  const settings = await readRoutingSettings(app.storage.db, shopId);
  if (settings.autoAssign && settings.reassignAfterSeconds > 0) await reassignUnanswered(app, shopId, settings);
  await fillFreeSlots(app, shopId);
  // A safety net for places nobody announced (a buyer taken by an agent simply writing, a process that died).
  await refreshQueuePlacesSoon(app, shopId);
  await tellLongWaits(app, shopId, settings);
}

/** Every few seconds: one sweep per shop with someone waiting (the key makes it one job across processes). */
async function fanOutRoutingSweeps(app: AppContext, queue: JobQueue): Promise<number> {
  const shops = await listShopsWithWaitingBuyers(app.storage.db);
  for (const shopId of shops) await queue.enqueue(routingSweepJob, { shopId }, { key: `routing-sweep:${shopId}` });
  return shops.length;
}

export const routingSweepSchedule: ScheduleDefinition = { id: 'routing.sweep', everyMs: 5_000, fanOut: fanOutRoutingSweeps };
export const ROUTING_JOBS = [routingSweepJob];
