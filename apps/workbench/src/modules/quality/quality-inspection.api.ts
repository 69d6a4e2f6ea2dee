import type {
  AgentView,
  QualityReviewResponse,
  QualitySampleMode,
  QualityScorecard,
  QualityScorecardResponse,
  QualitySessionDetail,
  QualitySessionsResponse,
  ReinspectQualityResponse,
  SaveQualityReviewRequest,
} from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

/** Which sessions: a China date range (both days included), optionally one agent's. */
export interface QualityRange {
  from: string;
  to: string;
  agentId?: string;
}

/** 抽检: a sample of the range's sessions (managers). */
export function fetchSample(range: QualityRange, sample: QualitySampleMode, limit: number, signal?: AbortSignal) {
  return apiRequest<QualitySessionsResponse>('/api/v1/quality/conversations', { query: { ...range, sample, limit }, signal });
}

/** 我的质检: the caller's sessions (a manager may name an agent). */
export function fetchMine(range: QualityRange, signal?: AbortSignal) {
  return apiRequest<QualitySessionsResponse>('/api/v1/quality/mine', { query: { ...range }, signal });
}

/** One session with its transcript. */
export function fetchSession(id: string, signal?: AbortSignal) {
  return apiRequest<QualitySessionDetail>(`/api/v1/quality/sessions/${encodeURIComponent(id)}`, { signal });
}

/** Saves the manager's scores for a session (again: replaces their own review). */
export function saveReview(review: SaveQualityReviewRequest) {
  return apiRequest<QualityReviewResponse>('/api/v1/quality/reviews', { method: 'POST', body: review });
}

export function fetchScorecard(signal?: AbortSignal) {
  return apiRequest<QualityScorecardResponse>('/api/v1/quality/scorecard', { signal });
}

export function saveScorecard(scorecard: QualityScorecard) {
  return apiRequest<QualityScorecardResponse>('/api/v1/quality/scorecard', { method: 'PUT', body: scorecard });
}

/** The agents to filter by (disabled ones too: they may have sessions in the range). */
export async function fetchTeam(signal?: AbortSignal): Promise<AgentView[]> {
  return (await apiRequest<{ agents: AgentView[] }>('/api/v1/team/agents', { signal })).agents;
}

/** Inspects the shop's conversations again with the rules as they are now (quality.configure). */
export function reinspect() {
  return apiRequest<ReinspectQualityResponse>('/api/v1/quality/reinspect', { method: 'POST', body: {} });
}
