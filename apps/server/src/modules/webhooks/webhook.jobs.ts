import { z } from 'zod';
import { defineJob, type JobQueue, type ScheduleDefinition } from '../../platform/jobs/index.js';
import { findDueDeliveries } from './webhook.repository.js';
import { attemptDelivery } from './webhook-delivery.js';

/** One attempt at one delivery; the delivery row keeps its own back-off, so a failed POST is not a failed job. */
export const deliverWebhookJob = defineJob({
  id: 'webhooks.deliver@1',
  payload: z.object({ deliveryId: z.string() }),
  async run(app, { deliveryId }) {
    await attemptDelivery(app, deliveryId);
  },
});

/** Queues the attempt a delivery is waiting for; the key names the attempt, so every process queuing it makes one job. */
export function enqueueDeliveryAttempt(queue: JobQueue, delivery: { id: string; attempts: number }) {
  return queue.enqueue(
    deliverWebhookJob,
    { deliveryId: delivery.id },
    { key: `webhook-delivery:${delivery.id}:${Number(delivery.attempts)}` },
  );
}

/** Fans out deliveries whose retry time came (and ones whose sender died mid-send); the first attempt is queued at once. */
export const webhookRetrySchedule: ScheduleDefinition = {
  id: 'webhooks.due-deliveries',
  everyMs: 5_000,
  async fanOut(app, queue) {
    const due = await findDueDeliveries(app.storage.db, app.now().toISOString(), 200);
    for (const delivery of due) await enqueueDeliveryAttempt(queue, delivery);
    return due.length;
  },
};

export const WEBHOOK_JOBS = [deliverWebhookJob];
