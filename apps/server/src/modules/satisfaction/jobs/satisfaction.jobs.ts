import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.js';
import { defineJob, type JobQueue, type ScheduleDefinition } from '../../../platform/jobs/index.js';
import { listShopSettings } from '../../shops/index.js';
import { inviteIdleBuyers } from '../commands/invite-idle-buyers.js';
import { inviteRating } from '../commands/invite-rating.js';
import { satisfactionSettingsOf } from '../satisfaction-settings.js';

/** Invites the buyer to rate the session a closing ended (idempotent: one invitation per session). */
export const inviteOnCloseJob = defineJob({
  id: 'satisfaction.invite-on-close@1',
  payload: z.object({ shopId: z.string(), conversationId: z.string(), closedAt: z.string() }),
  async run(app, payload) {
    await inviteRating(app, { ...payload, by: 'closed' });
  },
});

/** One shop's idle sweep (see inviteIdleBuyers); safe to run twice, each session is invited once. */
export const idleSweepJob = defineJob({
  id: 'satisfaction.idle-sweep@1',
  payload: z.object({ shopId: z.string() }),
  async run(app, payload) {
    await inviteIdleBuyers(app, payload.shopId);
  },
});

/** Every half minute: one sweep per shop that has ratings on (the key makes it one job across processes). */
async function fanOutIdleSweeps(app: AppContext, queue: JobQueue): Promise<number> {
  let enqueued = 0;
  for (const shop of await listShopSettings(app.storage.db)) {
    if (!satisfactionSettingsOf(shop.settings).enabled) continue;
    await queue.enqueue(idleSweepJob, { shopId: shop.id }, { key: `satisfaction-sweep:${shop.id}` });
    enqueued += 1;
  }
  return enqueued;
}

export const satisfactionSweepSchedule: ScheduleDefinition = {
  id: 'satisfaction.idle-sweep',
  everyMs: 30_000,
  fanOut: fanOutIdleSweeps,
};
export const SATISFACTION_JOBS = [inviteOnCloseJob, idleSweepJob];
