import type { ReminderTaskOutcome, ReminderTaskView } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { recordAudit } from '../../audit/index.js';
import { presentReminderTask } from '../payment-reminder.presenter.js';
import { findReminderTask, updateOpenReminderTask } from '../payment-reminder.repository.js';

/** Takes an open follow-up task ("assign to me"); taking it from a colleague is allowed and audited. */
export async function assignReminderTask(
  ctx: CommandContext<AgentPrincipal>,
  props: {
    /** The task to take. */
    taskId: string;
  },
): Promise<ReminderTaskView> {
  return changeTask(ctx, props.taskId, 'reminder_task.assigned', (task) => {
    if (task.status !== 'open') throw new AppError('reminder_task_done');
    return { assignee_id: ctx.actor.agentId, assignee_name: ctx.actor.name };
  });
}

/** Records how the call went (paid / will_pay / not_interested / no_answer, with a note) and closes the task. */
export async function recordReminderOutcome(
  ctx: CommandContext<AgentPrincipal>,
  props: {
    /** The task called about. */
    taskId: string;
    outcome: ReminderTaskOutcome;
    /** What the buyer said, e.g. 「晚上发工资后付」. */
    note?: string;
  },
): Promise<ReminderTaskView> {
  const now = ctx.app.now().toISOString();
  return changeTask(ctx, props.taskId, 'reminder_task.outcome', (task) => {
    if (task.status !== 'open') throw new AppError('reminder_task_done');
    return {
      status: 'done',
      outcome: props.outcome,
      note: props.note?.trim() || null,
      done_at: now,
      done_by_name: ctx.actor.name,
      assignee_id: task.assignee_id ?? ctx.actor.agentId,
      assignee_name: task.assignee_name ?? ctx.actor.name,
    };
  });
}

async function changeTask(
  { app, actor }: CommandContext<AgentPrincipal>,
  taskId: string,
  action: string,
  plan: (task: NonNullable<Awaited<ReturnType<typeof findReminderTask>>>) => Record<string, string | null>,
): Promise<ReminderTaskView> {
  requireCapability(actor, 'payment_reminders.work_tasks');
  const now = app.now().toISOString();
  return app.storage.db.transaction().execute(async (trx) => {
    const task = await findReminderTask(trx, actor.shopId, taskId);
    if (!task) throw new AppError('not_found', { thing: 'reminder_task' });
    const changes = plan(task);
    // Only while still open: two agents recording at once → the second sees reminder_task_done.
    const updated = await updateOpenReminderTask(trx, task.id, { ...changes, updated_at: now });
    if (!updated) throw new AppError('reminder_task_done');
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (task as Record<string, unknown>)[k] ?? null]));
    await recordAudit(trx, {
      shopId: actor.shopId,
      actor: { kind: 'agent', id: actor.agentId, name: actor.name },
      action,
      targetType: 'reminder_task',
      targetId: task.id,
      before,
      after: changes,
      at: now,
    });
    return presentReminderTask((await findReminderTask(trx, actor.shopId, task.id))!, actor);
  });
}
