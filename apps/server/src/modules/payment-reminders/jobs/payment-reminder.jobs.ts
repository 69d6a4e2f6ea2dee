import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/index.js';
import { createReminderTask, settleReminderTask } from '../commands/create-reminder-task.js';
import { sendPaymentReminder } from '../commands/send-payment-reminder.js';

/** Sends the seq-th chat reminder of an unpaid order (idempotent: payment_reminders UNIQUE(order_id, seq)). */
export const paymentReminderJob = defineJob({
  id: 'orders.payment-reminder@1',
  payload: z.object({ shopId: z.string(), orderId: z.string(), seq: z.number().int().min(1).max(10) }),
  async run(app, payload) {
    await sendPaymentReminder(app, payload);
  },
});

/** Creates the phone/SMS follow-up task of an important order (idempotent: one task per order). */
export const reminderTaskJob = defineJob({
  id: 'orders.payment-reminder-task@1',
  payload: z.object({ shopId: z.string(), orderId: z.string() }),
  async run(app, payload) {
    await createReminderTask(app, payload);
  },
});

/** Closes an open follow-up task whose order was paid or closed meanwhile (idempotent: only while open). */
export const settleReminderTaskJob = defineJob({
  id: 'orders.payment-reminder-task-settle@1',
  payload: z.object({ shopId: z.string(), taskId: z.string() }),
  async run(app, payload) {
    await settleReminderTask(app, payload);
  },
});

export const PAYMENT_REMINDER_JOBS = [paymentReminderJob, reminderTaskJob, settleReminderTaskJob];
