import { can, formatFen, presentStoredText, serverText, storeServerText, type TaskView } from '@golddesk/contracts';
import type { TaskSource } from '../tasks/index.js';
import { AppError } from '../../platform/http/errors.js';
import { recordReminderOutcome } from './commands/work-reminder-task.js';
import { findReminderTask, listReminderTasks, type ReminderTaskRow } from './payment-reminder.repository.js';

/**
 * The 催付 phone/SMS follow-ups in the one task inbox: those who work them (support, pre-sales, the managers) see the
 * open calls that are theirs or nobody's yet, and finish them there with the call's outcome.
 */
export const reminderTaskSource: TaskSource = {
  kind: 'payment_call',

  async list(app, agent, { scope, status }) {
    if (!can(agent, 'payment_reminders.work_tasks')) return [];
    const wanted = status === 'done' ? 'done' : status === 'open' ? 'open' : status ? undefined : 'all';
    if (!wanted) return [];
    const rows = await listReminderTasks(app.storage.db, agent.shopId, { status: wanted });
    const mine = scope === 'all' ? rows : rows.filter((row) => !row.assignee_id || row.assignee_id === agent.agentId);
    return mine.map((row) => asTask(row, app.now()));
  },

  async complete(ctx, taskId, props) {
    const found = await findReminderTask(ctx.app.storage.db, ctx.actor.shopId, taskId);
    if (!found) return undefined;
    if (!props.callOutcome) {
      throw new AppError('detail_required', {
        what: '请选择通话结果（已付款 / 会付款 / 不想要了 / 未接通）',
        whatEn: 'Choose how the call went (paid, will pay, not interested, no answer)',
      });
    }
    await recordReminderOutcome(ctx, { taskId, outcome: props.callOutcome, note: props.note });
    return asTask((await findReminderTask(ctx.app.storage.db, ctx.actor.shopId, taskId))!, ctx.app.now());
  },
};

/** A 催付 follow-up as an inbox task: the order, the buyer, the call window's start as the due time. */
function asTask(row: ReminderTaskRow, now: Date): TaskView {
  const title = storeServerText(
    serverText('task.payment_call', { orderNo: row.order_no, total: formatFen(Number(row.total_fen)), buyer: row.buyer_nick })
      .coded,
  );
  return {
    id: row.id,
    kind: 'payment_call',
    status: row.status === 'done' ? 'done' : 'open',
    role: 'payment_calls',
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    ...presentStoredText('title', title),
    caseId: null,
    caseNo: null,
    orderId: row.order_id,
    orderNo: row.order_no,
    buyerId: row.buyer_id,
    dueAt: row.due_at,
    overdue: row.status !== 'done' && Date.parse(row.window_end_at) < now.getTime(),
    result: row.outcome ? { callOutcome: row.outcome, note: row.note } : null,
    createdAt: row.created_at,
    doneAt: row.done_at,
    doneBy: row.done_by_name,
  };
}
