import type { MonitorResponse } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

/** The monitor's snapshot (GET /api/v1/monitor): queues, agents, the limits and the server's clock. */
export function loadMonitor(signal?: AbortSignal): Promise<MonitorResponse> {
  return apiRequest<MonitorResponse>('/api/v1/monitor', { signal });
}
