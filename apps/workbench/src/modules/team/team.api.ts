import {
  BUILT_IN_ROLES,
  isBuiltInRole,
  mayManageRole,
  type AgentResponse,
  type AgentView,
  type CapabilityHolder,
  type CreateAgentRequest,
  type CreateRoleRequest,
  type ListAgentsResponse,
  type ListRolesResponse,
  type RoleResponse,
  type RoleView,
  type SignOutAgentResponse,
  type UpdateRoleRequest,
} from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

// contracts exports these schemas without types; derive them (type-only, no zod at runtime).
type AgentList = ReturnType<typeof ListAgentsResponse.parse>;
type AgentAnswer = ReturnType<typeof AgentResponse.parse>;

/** A role as the team page offers it: its key and (for the shop's own roles) the name the owner gave it. */
export interface RoleChoice {
  key: string;
  name?: string;
}

/** Where a role sorts: the built-in ones in their order (店长 first), then the shop's own. */
export function roleRank(role: string): number {
  const index = (BUILT_IN_ROLES as readonly string[]).indexOf(role);
  return index === -1 ? BUILT_IN_ROLES.length : index;
}

/**
 * The roles the agent may give a new colleague (empty: may not add anyone): from the matrix when they may read it
 * (the shop's own roles too), else the built-in ones. The server still decides.
 */
export function rolesCreatableBy(me: CapabilityHolder, matrix: readonly RoleView[] | null): RoleChoice[] {
  const roles: RoleChoice[] = matrix
    ? matrix.map((role) => ({ key: role.key, name: isBuiltInRole(role.key) ? undefined : role.name }))
    : BUILT_IN_ROLES.map((key) => ({ key }));
  return roles.filter((role) => mayManageRole(me, role.key));
}

/** The shop's agents. */
export async function listTeam(signal?: AbortSignal): Promise<AgentView[]> {
  return (await apiRequest<AgentList>('/api/v1/team/agents', { signal })).agents;
}

/** Adds a colleague. Throws ApiError: 403 role not allowed, 409 username taken. */
export async function addAgent(request: CreateAgentRequest): Promise<AgentView> {
  return (await apiRequest<AgentAnswer>('/api/v1/team/agents', { method: 'POST', body: request })).agent;
}

/** The server's rule (team.manage_<role> capabilities): by default the owner anyone else, a manager the front line; nobody themselves. */
export function mayManage(actor: CapabilityHolder & { agent: { id: string } }, agent: AgentView): boolean {
  return actor.agent.id !== agent.id && mayManageRole(actor, agent.role);
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

/** The permissions matrix (owner and managers). */
export async function fetchRoles(signal?: AbortSignal): Promise<ListRolesResponse> {
  return apiRequest<ListRolesResponse>('/api/v1/team/roles', { signal });
}

/** Makes a role of the shop's own, empty or copied from another. */
export async function createRole(request: CreateRoleRequest): Promise<RoleView> {
  return (await apiRequest<RoleResponse>('/api/v1/team/roles', { method: 'POST', body: request })).role;
}

/** Changes a role's column (capabilities as a whole), limits or name. */
export async function updateRole(key: string, request: UpdateRoleRequest): Promise<RoleView> {
  return (await apiRequest<RoleResponse>(`/api/v1/team/roles/${encodeURIComponent(key)}`, { method: 'PATCH', body: request }))
    .role;
}

/** Deletes a role of the shop's own (refused while agents hold it). */
export async function deleteRole(key: string): Promise<void> {
  await apiRequest(`/api/v1/team/roles/${encodeURIComponent(key)}`, { method: 'DELETE' });
}

/** Gives a colleague another role (it applies at once, their open workbench included). */
export async function setAgentRole(agentId: string, role: string): Promise<AgentView> {
  const answer = await apiRequest<AgentAnswer>(`/api/v1/team/agents/${encodeURIComponent(agentId)}`, {
    method: 'PATCH',
    body: { role },
  });
  return answer.agent;
}
