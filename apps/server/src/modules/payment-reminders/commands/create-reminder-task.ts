import { readStoredText } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { newId } from '../../../platform/ids.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { shopHoursOf } from '../../shop-hours/index.js';
import { nextCallWindow } from '../call-windows.js';
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
    const row = await trx
      .selectFrom('orders as o')
      .innerJoin('buyers as b', 'b.id', 'o.buyer_id')
      .innerJoin('shops as s', 's.id', 'o.shop_id')
      .select(['o.id', 'o.status', 'o.total_fen', 'o.buyer_id', 'b.vip_level', 'b.blocked_at', 's.settings'])
      .where('o.shop_id', '=', props.shopId)
      .where('o.id', '=', props.orderId)
      .executeTakeFirst();
    if (!row || row.status !== 'pending_payment' || row.blocked_at) return undefined;
    const reason = followUpReason(reminderSettingsOf(row.settings), Number(row.total_fen), Number(row.vip_level));
    if (!reason) return undefined;
    const window = nextCallWindow(at, shopHoursOf(row.settings));
    const id = newId();
    const inserted = await trx
      .insertInto('reminder_tasks')
      .values({
        id,
        shop_id: props.shopId,
        order_id: props.orderId,
        buyer_id: row.buyer_id,
        reason,
        status: 'open',
        due_at: window.dueAt.toISOString(),
        window_end_at: window.endAt.toISOString(),
        assignee_id: null,
        assignee_name: null,
        outcome: null,
        note: null,
        done_at: null,
        done_by_name: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('order_id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return undefined;
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
    const task = await trx
      .selectFrom('reminder_tasks as t')
      .innerJoin('orders as o', 'o.id', 't.order_id')
      .select(['t.id', 't.status', 'o.status as order_status'])
      .where('t.shop_id', '=', props.shopId)
      .where('t.id', '=', props.taskId)
      .executeTakeFirst();
    if (!task || task.status !== 'open' || task.order_status === 'pending_payment') return false;
    const closed = task.order_status === 'closed';
    const done = await trx
      .updateTable('reminder_tasks')
      .set({
        status: 'done',
        outcome: closed ? null : 'paid',
        note: closed ? '订单已关闭' : '买家已付款',
        done_at: now,
        done_by_name: '系统',
        updated_at: now,
      })
      .where('id', '=', task.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return false;
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
