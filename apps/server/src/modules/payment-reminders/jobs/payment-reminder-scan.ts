import type { AppContext } from '../../../platform/app-context.js';
import type { JobQueue, ScheduleDefinition } from '../../../platform/jobs/index.js';
import { isQuietTime, shopHoursOf } from '../../shop-hours/index.js';
import { listShopSettings } from '../../shops/index.js';
import { listSettledOpenTasks, listUnpaidOrdersToRemind } from '../payment-reminder.repository.js';
import { followUpReason, reminderDueAt, reminderSettingsOf } from '../reminder-settings.js';
import { paymentReminderJob, reminderTaskJob, settleReminderTaskJob } from './payment-reminder.jobs.js';

/** Orders older than this are past chasing (marketplaces close unpaid orders within a day or so). */
const LOOKBACK_MS = 24 * 3600_000;
/** A follow-up call only once the last chat reminder had this long to work. */
export const FOLLOW_UP_AFTER_MS = 30 * 60_000;

/**
 * The 催付 cron: by the app clock, finds every reminder that is due (unpaid, placed ≥ firstAfter minutes ago,
 * fewer than K reminders, the gap since the previous one passed, buyer not blacklisted, not in quiet hours —
 * a reminder due at night is found by the first tick after the quiet hours end) and enqueues it as
 * `reminder:<orderId>:<n>`; also the follow-up tasks (`reminder-task:<orderId>`) and the settling of tasks
 * whose order was paid. Every process runs it: the keys make the work one job each.
 */
export async function scanPaymentReminders(app: AppContext, queue: JobQueue): Promise<number> {
  const db = app.storage.db;
  const at = app.now();
  let enqueued = 0;
  for (const shop of await listShopSettings(db)) {
    const settings = reminderSettingsOf(shop.settings);
    for (const task of await listSettledOpenTasks(db, shop.id)) {
      await queue.enqueue(
        settleReminderTaskJob,
        { shopId: shop.id, taskId: task.id },
        { key: `reminder-task-settle:${task.id}` },
      );
      enqueued += 1;
    }
    if (!settings.enabled || isQuietTime(shopHoursOf(shop.settings), at)) continue;
    const placedTo = new Date(at.getTime() - settings.firstAfterMinutes * 60_000).toISOString();
    const placedFrom = new Date(at.getTime() - LOOKBACK_MS).toISOString();
    for (const order of await listUnpaidOrdersToRemind(db, shop.id, placedFrom, placedTo)) {
      if (order.sent < settings.maxReminders) {
        const seq = order.sent + 1;
        if (reminderDueAt(settings, seq, order.placedAt, order.lastSentAt) > at) continue;
        await queue.enqueue(
          paymentReminderJob,
          { shopId: shop.id, orderId: order.id, seq },
          { key: `reminder:${order.id}:${seq}` },
        );
        enqueued += 1;
      } else if (
        !order.taskId &&
        order.lastSentAt &&
        Date.parse(order.lastSentAt) + FOLLOW_UP_AFTER_MS <= at.getTime() &&
        followUpReason(settings, order.totalFen, order.vipLevel)
      ) {
        await queue.enqueue(reminderTaskJob, { shopId: shop.id, orderId: order.id }, { key: `reminder-task:${order.id}` });
        enqueued += 1;
      }
    }
  }
  return enqueued;
}

export const paymentReminderSchedule: ScheduleDefinition = { id: 'orders.payment-reminder-scan', fanOut: scanPaymentReminders };
