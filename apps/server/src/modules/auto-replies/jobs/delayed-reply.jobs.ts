import { z } from 'zod';
import { defineJob, type ScheduleDefinition } from '../../../platform/jobs/index.js';
import { hasDueDelayedReply } from '../auto-reply.repository.js';
import { runDueDelayedReplies } from './delayed-replies.js';

/** Sends the delayed replies due now; each row is claimed with its own lease, so two runs never send one twice. */
export const delayedRepliesJob = defineJob({
  id: 'auto-replies.delayed-replies@1',
  payload: z.object({}),
  async run(app) {
    await runDueDelayedReplies(app);
  },
});

/** Every second: when a delayed reply is due, queues the one job that sends the due ones (one key across processes). */
export const delayedRepliesSchedule: ScheduleDefinition = {
  id: 'auto-replies.delayed-replies',
  everyMs: 1_000,
  async fanOut(app, queue) {
    if (!(await hasDueDelayedReply(app.storage.db, app.now().toISOString()))) return 0;
    await queue.enqueue(delayedRepliesJob, {}, { key: 'auto-replies.delayed-replies' });
    return 1;
  },
};

export const AUTO_REPLY_JOBS = [delayedRepliesJob];
