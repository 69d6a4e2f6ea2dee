import type { ReminderTaskOutcome, ReviewOutcome, TaskView } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';
import { putTask } from './task.store';

/** What the inbox asks for (GET /api/v1/tasks). */
export interface TaskQuery {
  /** mine: assigned to me or to my role's inbox; all: the shop's (managers). */
  scope?: 'mine' | 'all';
  status?: 'open' | 'done';
  caseId?: string;
}

export async function listTasks(query: TaskQuery, signal?: AbortSignal): Promise<TaskView[]> {
  return (await apiRequest<{ tasks: TaskView[] }>('/api/v1/tasks', { query: { ...query }, signal })).tasks;
}

/** What finishing a task records: the replacement's parcel (仓库), the finding (质检), the review's outcome, or a note. */
export interface TaskCompletion {
  note?: string;
  carrier?: string;
  trackingNo?: string;
  finding?: 'defect_confirmed' | 'no_defect' | 'inconclusive';
  /** 中差评回访: how it ended (已修改 / 已解释 / 未回复 / 恶意差评申诉). */
  reviewOutcome?: ReviewOutcome;
  /** 催付电话: how the call went. */
  callOutcome?: ReminderTaskOutcome;
}

/** Marks a task done; `requestId` makes a retry of the same submit safe. */
export async function completeTask(id: string, requestId: string, completion: TaskCompletion): Promise<TaskView> {
  const { task } = await apiRequest<{ task: TaskView }>(`/api/v1/tasks/${encodeURIComponent(id)}/complete`, {
    method: 'POST',
    body: { requestId, ...completion },
  });
  putTask(task);
  return task;
}
