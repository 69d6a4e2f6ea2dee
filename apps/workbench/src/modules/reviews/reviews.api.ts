import type {
  ListReviewsResponse,
  ReviewLevel,
  ReviewOutcome,
  ReviewResponse,
  ReviewView,
  ReviewWeeksResponse,
} from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

/** What the review list may be narrowed to (GET /api/v1/reviews). */
export interface ReviewQuery {
  level?: ReviewLevel;
  /** open: a follow-up without an outcome yet; done: with one. */
  followUp?: 'open' | 'done';
  orderId?: string;
  buyerId?: string;
}

/** Reviews matching `query`, newest first. */
export async function listReviews(query: ReviewQuery, signal?: AbortSignal): Promise<ReviewView[]> {
  return (await apiRequest<ListReviewsResponse>('/api/v1/reviews', { query: { ...query }, signal })).reviews;
}

/** Records how the follow-up ended (owner, manager, aftersale); the server completes the follow-up task too. */
export async function recordReviewOutcome(id: string, outcome: ReviewOutcome, note?: string): Promise<ReviewView> {
  const path = `/api/v1/reviews/${encodeURIComponent(id)}/outcome`;
  return (await apiRequest<ReviewResponse>(path, { method: 'POST', body: { outcome, note } })).review;
}

/** Reviews by level and follow-ups by outcome for the last `weeks` weeks, and the cashback rule when one is set. */
export async function fetchReviewWeeks(weeks: number, signal?: AbortSignal): Promise<ReviewWeeksResponse> {
  return apiRequest<ReviewWeeksResponse>('/api/v1/reviews/weeks', { query: { weeks }, signal });
}
