import type { QualitySampleMode, QualitySessionsResponse, QualitySummary } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { factFilterOf } from '../../measures/index.js';
import {
  isShopAgent,
  listSampleSessions,
  summariseReviews,
  summariseSessions,
  type SessionFilter,
} from '../quality-inspection.repository.js';
import { presentSessions } from './present-sessions.js';

/** Which sessions: a China date range (checked like the figures': no more than a year or so), optionally one agent's. */
export async function sessionFilterOf(
  app: AppContext,
  shopId: string,
  query: { from: string; to: string; agentId?: string | undefined },
): Promise<SessionFilter> {
  const range = factFilterOf(shopId, { from: query.from, to: query.to });
  if (query.agentId && !(await isShopAgent(app.storage.db, shopId, query.agentId))) {
    throw new AppError('not_found', { thing: 'agent' });
  }
  return { shopId, fromDay: range.fromDay, toDay: range.toDay, ...(query.agentId ? { agentId: query.agentId } : {}) };
}

/** Counts over the whole filter: sessions and their mean score, sessions reviewed and the mean of their latest reviews. */
export async function summaryOf(app: AppContext, filter: SessionFilter, sample?: QualitySampleMode): Promise<QualitySummary> {
  const [sessions, reviews] = await Promise.all([
    summariseSessions(app.storage.db, filter, sample),
    summariseReviews(app.storage.db, filter, sample),
  ]);
  return {
    sessions: sessions.sessions,
    averageScore: sessions.sessions ? round(sessions.scoreSum / sessions.sessions) : null,
    reviewed: reviews.reviewed,
    averageReview: reviews.reviewed ? round(reviews.totalSum / reviews.reviewed) : null,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * 抽检 (quality.inspect): a sample of the sessions agents answered in a date range — at random, the lowest automatic
 * scores first, or those the buyer rated 不满意 or worse — each with its agent, score, hits, rating and reviews.
 */
export async function sampleQualitySessions(
  app: AppContext,
  actor: AgentPrincipal,
  query: { from: string; to: string; agentId?: string | undefined; sample: QualitySampleMode; limit: number },
): Promise<QualitySessionsResponse> {
  requireCapability(actor, 'quality.inspect');
  const filter = await sessionFilterOf(app, actor.shopId, query);
  const [rows, summary] = await Promise.all([
    listSampleSessions(app.storage.db, filter, query.sample, query.limit),
    summaryOf(app, filter, query.sample === 'bad_rating' ? 'bad_rating' : undefined),
  ]);
  return { sessions: await presentSessions(app.storage.db, actor.shopId, rows), summary };
}
