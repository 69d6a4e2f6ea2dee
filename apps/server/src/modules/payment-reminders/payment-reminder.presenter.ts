import { phoneForViewer, presentStoredText, type ReminderTaskOutcome, type ReminderTaskView } from '@golddesk/contracts';
import type { ReminderTaskRow } from './payment-reminder.repository.js';

/** Who reads the task: the phone is masked for agents who may not see phones in full, unless the reader took the call. */
export interface TaskViewer {
  agentId: string;
  capabilities: readonly string[];
}

/** The only way a follow-up task leaves the server. */
export function presentReminderTask(row: ReminderTaskRow, viewer: TaskViewer): ReminderTaskView {
  const phone = row.receiver_phone || row.buyer_phone || null;
  return {
    id: row.id,
    orderId: row.order_id,
    orderNo: row.order_no,
    orderStatus: row.order_status,
    totalFen: Number(row.total_fen),
    buyer: {
      id: row.buyer_id,
      nick: row.buyer_nick,
      vipLevel: Number(row.vip_level),
      phone: row.assignee_id === viewer.agentId ? phone : phoneForViewer(phone, viewer),
    },
    ...presentStoredText('reason', row.reason),
    remindersSent: Number(row.reminders_sent ?? 0),
    status: row.status as 'open' | 'done',
    dueAt: row.due_at,
    windowEndAt: row.window_end_at,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    outcome: (row.outcome as ReminderTaskOutcome | null) ?? null,
    note: row.note,
    doneAt: row.done_at,
    doneBy: row.done_by_name,
    createdAt: row.created_at,
  };
}
