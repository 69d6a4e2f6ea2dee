import type { MonitorResponse, TransferConversationRequest } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

/** The monitor's snapshot (GET /api/v1/monitor): queues, agents, the limits and the server's clock. */
export function loadMonitor(signal?: AbortSignal): Promise<MonitorResponse> {
  return apiRequest<MonitorResponse>('/api/v1/monitor', { signal });
}

/** 改派: hands a buyer to a colleague or a group, with an optional note for the next agent. */
export async function reassignBuyer(conversationId: string, body: TransferConversationRequest): Promise<void> {
  await apiRequest(`/api/v1/conversations/${encodeURIComponent(conversationId)}/transfer`, { method: 'POST', body });
}
