import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.js';
import { defineJob, type JobQueue, type ScheduleDefinition } from '../../../platform/jobs/index.js';
import { isQuietTime, shopHoursOf } from '../../shop-hours/index.js';
import { listActiveBroadcasts } from '../broadcast.repository.js';
import { sendBroadcastBatch } from '../commands/send-broadcast-batch.js';
import { snapshotRecipients } from '../commands/start-broadcast.js';

const Target = z.object({ shopId: z.string(), broadcastId: z.string() });

/**
 * A due scheduled broadcast: snapshot its recipients and turn it `sending` (idempotent: only from `scheduled`),
 * then send the first batch right away rather than a tick later.
 */
export const broadcastStartJob = defineJob({
  id: 'broadcasts.start@1',
  payload: Target,
  async run(app, payload) {
    if (await snapshotRecipients(app, payload)) await sendBroadcastBatch(app, payload);
  },
});

/** One throttled batch of a sending broadcast (idempotent: each recipient row flips pending → sent once). */
export const broadcastBatchJob = defineJob({
  id: 'broadcasts.send-batch@1',
  payload: Target,
  async run(app, payload) {
    await sendBroadcastBatch(app, payload);
  },
});

export const BROADCAST_JOBS = [broadcastStartJob, broadcastBatchJob];

/**
 * The 群发 cron: by the app clock, enqueues the start of every scheduled broadcast that is due
 * (`broadcast-start:<id>`) and one batch of every sending broadcast outside its shop's quiet hours
 * (`broadcast-batch:<id>`: one at a time per broadcast, whichever process enqueues it). A broadcast paused by
 * the quiet hours simply gets no batch until the first tick after they end (08:00 by default).
 */
export async function scanBroadcasts(app: AppContext, queue: JobQueue): Promise<number> {
  const db = app.storage.db;
  const at = app.now();
  const rows = await listActiveBroadcasts(db);
  let enqueued = 0;
  for (const row of rows) {
    const payload = { shopId: row.shop_id, broadcastId: row.id };
    if (row.status === 'scheduled') {
      if (!row.scheduled_at || Date.parse(row.scheduled_at) > at.getTime()) continue;
      await queue.enqueue(broadcastStartJob, payload, { key: `broadcast-start:${row.id}` });
      enqueued += 1;
    } else if (!isQuietTime(shopHoursOf(row.settings), at)) {
      await queue.enqueue(broadcastBatchJob, payload, { key: `broadcast-batch:${row.id}` });
      enqueued += 1;
    }
  }
  return enqueued;
}

export const broadcastSchedule: ScheduleDefinition = { id: 'broadcasts.scan', fanOut: scanBroadcasts };
