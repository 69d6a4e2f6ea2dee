import type {
  AftersalePolicy,
  AgentView,
  CaseFigures,
  CaseFiguresResponse,
  CaseView,
  CompensateRequest,
  CompensateResponse,
  GuideStep,
  OpenCaseRequest,
  OrderView,
  TransitionCaseRequest,
} from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';
import { putCases } from './case.store';

/** What the case list may be narrowed to (GET /api/v1/cases). */
export interface CaseQuery {
  state?: string;
  type?: string;
  /** An agent id, or `me`. */
  assignee?: string;
  overdue?: 'true';
  buyerId?: string;
  orderId?: string;
  status?: 'open' | 'closed';
}

type CaseAnswer = { case: CaseView };
const casePath = (id: string, tail = '') => `/api/v1/cases/${encodeURIComponent(id)}${tail}`;

/** Cases matching `query`; each is stored, so lists and the case view share the latest copy. */
export async function listCases(query: CaseQuery, signal?: AbortSignal): Promise<CaseView[]> {
  const { cases } = await apiRequest<{ cases: CaseView[] }>('/api/v1/cases', { query: { ...query }, signal });
  putCases(cases);
  return cases;
}

export async function getCase(id: string, signal?: AbortSignal): Promise<CaseView> {
  return stored(await apiRequest<CaseAnswer>(casePath(id), { signal }));
}

/** Opens a case (from the chat or an order); the caller becomes its assignee unless it says otherwise. */
export async function openCase(request: OpenCaseRequest): Promise<CaseView> {
  return stored(await apiRequest<CaseAnswer>('/api/v1/cases', { method: 'POST', body: request }));
}

/** Reassigns the case, changes its return address or adds a note to its timeline. */
export async function updateCase(
  id: string,
  change: { assigneeId?: string | null; returnAddress?: string | null; note?: string },
): Promise<CaseView> {
  return stored(await apiRequest<CaseAnswer>(casePath(id), { method: 'PATCH', body: change }));
}

/** Moves the case along its type's state machine (409 when the machine does not allow it). */
export async function transitionCase(id: string, request: TransitionCaseRequest): Promise<CaseView> {
  return stored(await apiRequest<CaseAnswer>(casePath(id, '/transitions'), { method: 'POST', body: request }));
}

/** Goodwill: applied at once within the caller's authority (200), otherwise a request to a manager (202). */
export async function compensate(id: string, request: CompensateRequest): Promise<CompensateResponse> {
  const answer = await apiRequest<CompensateResponse>(casePath(id, '/compensations'), { method: 'POST', body: request });
  putCases([answer.case]);
  return answer;
}

/** Asks the buyer (a chat line) for the photos of the type's checklist. */
export async function requestEvidence(id: string): Promise<CaseView> {
  return stored(await apiRequest<CaseAnswer>(casePath(id, '/evidence-requests'), { method: 'POST', body: {} }));
}

/** Ticks (or unticks) a step of the complaint guide. */
export async function markGuideStep(id: string, step: GuideStep, done: boolean): Promise<CaseView> {
  return stored(await apiRequest<CaseAnswer>(casePath(id, '/guide-steps'), { method: 'POST', body: { step, done } }));
}

/** The 售后 page's figures for cases opened between two China dates, inclusive (owner, manager). */
export async function fetchCaseFigures(from: string, to: string, signal?: AbortSignal): Promise<CaseFigures> {
  return (await apiRequest<CaseFiguresResponse>('/api/v1/cases/figures', { query: { from, to }, signal })).figures;
}

export async function fetchPolicy(signal?: AbortSignal): Promise<AftersalePolicy> {
  return (await apiRequest<{ policy: AftersalePolicy }>('/api/v1/settings/aftersale-policy', { signal })).policy;
}

/** Saves the policy (owner, manager; the compensation limits only the owner may change). */
export async function savePolicy(policy: AftersalePolicy): Promise<AftersalePolicy> {
  return (await apiRequest<{ policy: AftersalePolicy }>('/api/v1/settings/aftersale-policy', { method: 'PUT', body: policy }))
    .policy;
}

/** The case's order with its lines (the case itself only names them). */
export async function fetchOrder(orderId: string, signal?: AbortSignal): Promise<OrderView> {
  return (await apiRequest<{ order: OrderView }>(`/api/v1/orders/${encodeURIComponent(orderId)}`, { signal })).order;
}

/** The shop's agents, for the assignee select. */
export async function listAgents(signal?: AbortSignal): Promise<AgentView[]> {
  return (await apiRequest<{ agents: AgentView[] }>('/api/v1/team/agents', { signal })).agents;
}

function stored(answer: CaseAnswer): CaseView {
  putCases([answer.case]);
  return answer.case;
}
