import {
  mayManageRole,
  type AgentResponse,
  type AgentRole,
  type AgentView,
  type CreateAgentRequest,
  type ListAgentsResponse,
  type SignOutAgentResponse,
} from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

// contracts exports these schemas without types; derive them (type-only, no zod at runtime).
type AgentList = ReturnType<typeof ListAgentsResponse.parse>;
type AgentAnswer = ReturnType<typeof AgentResponse.parse>;

/** Every role, in the order the UI lists them. */
export const ROLES: readonly AgentRole[] = ['owner', 'manager', 'presale', 'aftersale', 'support'];

/** The roles an agent with `role` may give a new colleague (empty: may not add anyone). The server still decides. */
export function rolesCreatableBy(role: AgentRole): readonly AgentRole[] {
  return ROLES.filter((newRole) => mayManageRole(role, newRole));
}

/** The shop's agents. */
export async function listTeam(signal?: AbortSignal): Promise<AgentView[]> {
  return (await apiRequest<AgentList>('/api/v1/team/agents', { signal })).agents;
}

/** Adds a colleague. Throws ApiError: 403 role not allowed, 409 username taken. */
export async function addAgent(request: CreateAgentRequest): Promise<AgentView> {
  return (await apiRequest<AgentAnswer>('/api/v1/team/agents', { method: 'POST', body: request })).agent;
}

/** The server's rule (team.manage_<role> capabilities): the owner manages anyone else; a manager the front-line roles; nobody themselves. */
export function mayManage(actor: { id: string; role: AgentRole }, agent: AgentView): boolean {
  return actor.id !== agent.id && mayManageRole(actor.role, agent.role);
}

/** Disables (no sign-in; signed out at once) or enables a colleague. */
export async function setAgentDisabled(agentId: string, disabled: boolean): Promise<AgentView> {
  return (
    await apiRequest<AgentAnswer>(`/api/v1/team/agents/${encodeURIComponent(agentId)}`, { method: 'PATCH', body: { disabled } })
  ).agent;
}

/** 强制下线: ends every session of a colleague. Returns how many were live. */
export async function signOutEverywhere(agentId: string): Promise<number> {
  const answer = await apiRequest<SignOutAgentResponse>(`/api/v1/team/agents/${encodeURIComponent(agentId)}/sign-out`, {
    method: 'POST',
  });
  return answer.sessionsEnded;
}
