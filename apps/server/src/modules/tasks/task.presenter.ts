import { presentStoredText, type TaskKind, type TaskView } from '@golddesk/contracts';
import type { TaskWithNumbers } from './task.repository.js';

/** The only way a task leaves the server (agents only: buyers never see colleagues' tasks). */
export function presentTask(row: TaskWithNumbers, now: Date): TaskView {
  return {
    id: row.id,
    kind: row.kind as TaskKind,
    status: row.status as TaskView['status'],
    role: row.role,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    ...presentStoredText('title', row.title),
    caseId: row.case_id,
    caseNo: row.case_no,
    orderId: row.order_id,
    orderNo: row.order_no,
    buyerId: row.buyer_id,
    dueAt: row.due_at,
    overdue: row.status === 'open' && Date.parse(row.due_at) < now.getTime(),
    result: row.result_json ? (JSON.parse(row.result_json) as Record<string, unknown>) : null,
    createdAt: row.created_at,
    doneAt: row.done_at,
    doneBy: row.done_by_name,
  };
}
