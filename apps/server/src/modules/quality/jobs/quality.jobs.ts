import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.js';
import { defineJob, type JobQueue, type ScheduleDefinition } from '../../../platform/jobs/index.js';
import { listShopSettings } from '../../shops/index.js';
import { inspectShop } from '../commands/reinspect-quality.js';
import { markHistoryInspected, wasHistoryInspected } from '../quality-inspection.repository.js';

/**
 * A shop's history inspected once: the messages written before the inspection listened (a shop from before this
 * release, the demo shop's seeded week, imported chats) never come through the outbox. Safe to run twice.
 */
export const inspectHistoryJob = defineJob({
  id: 'quality.inspect-history@1',
  payload: z.object({ shopId: z.string() }),
  async run(app, payload) {
    if (await wasHistoryInspected(app.storage.db, payload.shopId)) return;
    await inspectShop(app, payload.shopId);
    await markHistoryInspected(app.storage.db, payload.shopId, app.now().toISOString());
  },
});

/** Every minute: a shop whose history was never inspected gets the job (its key makes it one across processes). */
async function fanOutHistory(app: AppContext, queue: JobQueue): Promise<number> {
  let enqueued = 0;
  for (const shop of await listShopSettings(app.storage.db)) {
    if (await wasHistoryInspected(app.storage.db, shop.id)) continue;
    await queue.enqueue(inspectHistoryJob, { shopId: shop.id }, { key: `quality-history:${shop.id}` });
    enqueued += 1;
  }
  return enqueued;
}

export const qualityHistorySchedule: ScheduleDefinition = {
  id: 'quality.inspect-history',
  everyMs: 60_000,
  fanOut: fanOutHistory,
};
export const QUALITY_JOBS = [inspectHistoryJob];
