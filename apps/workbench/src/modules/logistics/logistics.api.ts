import type { CourierRule, LogisticsExceptionView, LogisticsSettings, TrackingResponse } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

export type StoredRule = CourierRule & { id: string };

export async function fetchRules(signal?: AbortSignal): Promise<StoredRule[]> {
  return (await apiRequest<{ rules: StoredRule[] }>('/api/v1/logistics/rules', { signal })).rules;
}

export async function saveRules(rules: CourierRule[]): Promise<StoredRule[]> {
  return (await apiRequest<{ rules: StoredRule[] }>('/api/v1/logistics/rules', { method: 'PUT', body: { rules } })).rules;
}

export async function fetchSettings(signal?: AbortSignal): Promise<LogisticsSettings> {
  return (await apiRequest<{ settings: LogisticsSettings }>('/api/v1/logistics/settings', { signal })).settings;
}

export async function saveSettings(settings: LogisticsSettings): Promise<LogisticsSettings> {
  return (await apiRequest<{ settings: LogisticsSettings }>('/api/v1/logistics/settings', { method: 'PUT', body: settings }))
    .settings;
}

export function fetchExceptions(status: 'open' | 'resolved', signal?: AbortSignal) {
  return apiRequest<{ exceptions: LogisticsExceptionView[]; openCount: number }>('/api/v1/logistics/exceptions', {
    query: { status },
    signal,
  });
}

export async function resolveException(id: string, note: string): Promise<LogisticsExceptionView> {
  return (
    await apiRequest<{ exception: LogisticsExceptionView }>(`/api/v1/logistics/exceptions/${encodeURIComponent(id)}/resolve`, {
      method: 'POST',
      body: { note },
    })
  ).exception;
}

export function fetchTracking(orderId: string, signal?: AbortSignal): Promise<TrackingResponse> {
  return apiRequest<TrackingResponse>(`/api/v1/orders/${encodeURIComponent(orderId)}/tracking`, { signal });
}

export async function addTrackingNote(orderId: string, description: string): Promise<void> {
  await apiRequest(`/api/v1/orders/${encodeURIComponent(orderId)}/tracking/notes`, { method: 'POST', body: { description } });
}
