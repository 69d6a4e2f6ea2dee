import { readStoredText } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { newId } from '../../../platform/ids.js';
import { recordAudit } from '../../audit/index.js';
import { findOrderWithBuyerAndShopSettings } from '../../orders/index.js';
import { shopHoursOf } from '../../shop-hours/index.js';
import { nextCallWindow } from '../call-windows.js';
import {
  findTaskWithOrderStatus,
  insertReminderTaskOnce,
  openReminderTask,
  updateOpenReminderTask,
} from '../payment-reminder.repository.js';
import { followUpReason, reminderSettingsOf } from '../reminder-settings.js';

/**
 * A phone/SMS follow-up task (电话/短信催付) for an important order still unpaid after its last chat
 * reminder, due in the next call window (around lunch or after work, China time, never in quiet hours).
 * One task per order (UNIQUE order_id): running twice creates it once. Returns the task id when created.
 */
export async function createReminderTask(
  app: AppContext,
  props: { shopId: string; orderId: string },
): Promise<string | undefined> {
  const at = app.now();
  const now = at.toISOString();
  return app.storage.db.transaction().execute(async (trx) => {
    const row = await findOrderWithBuyerAndShopSettings(trx, props.shopId, props.orderId);
    if (!row || row.status !== 'pending_payment' || row.blocked_at) return undefined;
    const reason = followUpReason(reminderSettingsOf(row.settings), Number(row.total_fen), Number(row.vip_level));
    if (!reason) return undefined;
    const window = nextCallWindow(at, shopHoursOf(row.settings));
    const id = newId();
    const inserted = await insertReminderTaskOnce(
      trx,
      openReminderTask({ id, shopId: props.shopId, orderId: props.orderId, buyerId: row.buyer_id, reason, window, at: now }),
    );
    if (!inserted) return undefined;
    await recordAudit(trx, {
      shopId: props.shopId,
      actor: { kind: 'system', id: null, name: '催付' },
      action: 'reminder_task.created',
      targetType: 'reminder_task',
      targetId: id,
      before: null,
      after: { orderId: props.orderId, reason: readStoredText(reason).text, dueAt: window.dueAt.toISOString() },
      at: now,
    });
    return id;
  });
}

/** An open task whose order was paid or closed in the meantime is done by itself (outcome paid, or a note). */
export async function settleReminderTask(app: AppContext, props: { shopId: string; taskId: string }): Promise<boolean> {
  const now = app.now().toISOString();
  return app.storage.db.transaction().execute(async (trx) => {
    const task = await findTaskWithOrderStatus(trx, props.shopId, props.taskId);
    if (!task || task.status !== 'open' || task.order_status === 'pending_payment') return false;
    const closed = task.order_status === 'closed';
    const done = await updateOpenReminderTask(trx, task.id, {
      status: 'done',
      outcome: closed ? null : 'paid',
      note: closed ? '订单已关闭' : '买家已付款',
      done_at: now,
      done_by_name: '系统',
      updated_at: now,
    });
    if (!done) return false;
    await recordAudit(trx, {
      shopId: props.shopId,
      actor: { kind: 'system', id: null, name: '催付' },
      action: 'reminder_task.settled',
      targetType: 'reminder_task',
      targetId: task.id,
      before: { status: 'open' },
      after: { status: 'done', orderStatus: task.order_status },
      at: now,
    });
    return true;
  });
}
