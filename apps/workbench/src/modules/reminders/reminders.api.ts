import type { PaymentReminderSettings, ReminderStatsResponse, ReminderTaskOutcome, ReminderTaskView } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

export async function fetchReminderSettings(signal?: AbortSignal): Promise<PaymentReminderSettings> {
  return (await apiRequest<{ settings: PaymentReminderSettings }>('/api/v1/reminders/settings', { signal })).settings;
}

export async function saveReminderSettings(settings: PaymentReminderSettings): Promise<PaymentReminderSettings> {
  return (
    await apiRequest<{ settings: PaymentReminderSettings }>('/api/v1/reminders/settings', { method: 'PUT', body: settings })
  ).settings;
}

export function fetchReminderStats(
  from: string | undefined,
  to: string | undefined,
  signal?: AbortSignal,
): Promise<ReminderStatsResponse> {
  return apiRequest<ReminderStatsResponse>('/api/v1/reminders/stats', { query: { from, to }, signal });
}

export async function fetchReminderTasks(status: 'open' | 'done', signal?: AbortSignal): Promise<ReminderTaskView[]> {
  return (await apiRequest<{ tasks: ReminderTaskView[] }>('/api/v1/reminder-tasks', { query: { status }, signal })).tasks;
}

export async function assignReminderTask(id: string): Promise<ReminderTaskView> {
  return (await apiRequest<{ task: ReminderTaskView }>(`/api/v1/reminder-tasks/${id}/assign`, { method: 'POST' })).task;
}

export async function recordReminderOutcome(id: string, outcome: ReminderTaskOutcome, note?: string): Promise<ReminderTaskView> {
  return (
    await apiRequest<{ task: ReminderTaskView }>(`/api/v1/reminder-tasks/${id}/outcome`, {
      method: 'POST',
      body: { outcome, note },
    })
  ).task;
}
