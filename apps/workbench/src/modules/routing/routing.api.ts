import type { AgentView, RoutingSettings, TransferConversationRequest } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

/** The shop's routing settings (every agent reads them: the transfer dialog lists the groups). */
export async function loadRoutingSettings(signal?: AbortSignal): Promise<RoutingSettings> {
  return (await apiRequest<{ routing: RoutingSettings }>('/api/v1/settings/routing', { signal })).routing;
}

export async function saveRoutingSettings(settings: RoutingSettings): Promise<RoutingSettings> {
  return (await apiRequest<{ routing: RoutingSettings }>('/api/v1/settings/routing', { method: 'PUT', body: settings })).routing;
}

/** 转接: to a colleague or a group, with a note for whoever takes the buyer next. */
export async function transferConversation(conversationId: string, request: TransferConversationRequest): Promise<void> {
  await apiRequest(`/api/v1/conversations/${encodeURIComponent(conversationId)}/transfer`, { method: 'POST', body: request });
}

/** The shop's agents with their status, load and capacity (the transfer dialog's colleagues). */
export async function loadColleagues(signal?: AbortSignal): Promise<AgentView[]> {
  return (await apiRequest<{ agents: AgentView[] }>('/api/v1/team/agents', { signal })).agents;
}

/** An agent's capacity, groups and weight (owner and managers). */
export async function setAgentRouting(agentId: string, change: { capacity?: number; groups?: string[]; weight?: number }) {
  return (
    await apiRequest<{ agent: AgentView }>(`/api/v1/team/agents/${encodeURIComponent(agentId)}`, {
      method: 'PATCH',
      body: change,
    })
  ).agent;
}
