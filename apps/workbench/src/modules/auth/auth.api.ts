import {
  defaultCapabilitiesOf,
  type AgentStatus,
  type LoginRequest,
  type LoginResponse,
  type MeResponse,
} from '@golddesk/contracts';
import { useSyncExternalStore } from 'react';
import { apiRequest } from '../../platform/api-client';
import { getSession, peekSession, setSession, subscribeSession, type Session } from '../../platform/session';

/** Signs in and stores the token with its expiry. Throws ApiError with the server's message. */
export async function login(request: LoginRequest): Promise<Session> {
  const answer = await apiRequest<LoginResponse>('/api/v1/auth/login', { method: 'POST', body: request, skipAuth: true });
  return startSession(answer, request.shop);
}

/** Stores a login-shaped answer (sign-in or first-run setup) as the session; `shopSlug` fills in a missing shop. */
export function startSession(answer: LoginResponse, shopSlug: string): Session {
  const session: Session = {
    token: answer.token,
    // Counted from receipt on this computer's clock, which need not agree with the server's.
    expiresAt:
      answer.expiresInSeconds !== undefined
        ? new Date(Date.now() + answer.expiresInSeconds * 1000).toISOString()
        : (answer.expiresAt ?? null),
    agent: answer.agent,
    shop: answer.shop ?? { id: '', slug: shopSlug, name: shopSlug },
    capabilities: answer.capabilities ?? defaultCapabilitiesOf(answer.agent.role),
  };
  setSession(session);
  return session;
}

/**
 * Refreshes the agent and shop names and what the agent may do (and proves the stored token still works). Called on
 * opening the workbench and whenever the owner changes the agent's role in the permissions matrix.
 */
export async function refreshMe(): Promise<void> {
  const answer = await apiRequest<MeResponse>('/api/v1/me');
  const session = getSession();
  if (session?.agent.id !== answer.agent.id) return;
  const agent = { ...answer.agent, roleName: answer.roleName };
  setSession({ ...session, agent, shop: answer.shop, capabilities: answer.capabilities });
}

/**
 * Signs out: the server ends this token (and its open streams) first, so a copy of it left in this browser is
 * worthless. The local session is forgotten whatever the answer (offline, already expired).
 */
export async function logout(): Promise<void> {
  if (getSession()) await apiRequest('/api/v1/auth/logout', { method: 'POST' }).catch(() => undefined);
  setSession(null);
}

/** The current session; re-renders on sign-in and sign-out. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, peekSession);
}

/** Sets my status (在线 / 忙碌 / 离线); the session remembers it, colleagues hear it on the stream. */
export async function setMyStatus(status: AgentStatus): Promise<AgentStatus> {
  const answer = await apiRequest<{ status: AgentStatus }>('/api/v1/me/status', { method: 'PUT', body: { status } });
  const session = getSession();
  if (session) setSession({ ...session, agent: { ...session.agent, status: answer.status } });
  return answer.status;
}
