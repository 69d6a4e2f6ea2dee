import { can, MY_QUALITY_LIMIT, type QualitySessionsResponse } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { listNewestSessions } from '../quality-inspection.repository.js';
import { presentSessions } from './present-sessions.js';
import { sessionFilterOf, summaryOf } from './sample-quality-sessions.js';

/**
 * 我的质检: the sessions an agent answered last in a date range, newest first, with their automatic scores, hits and
 * the managers' reviews. Everyone reads their own; a manager (quality.inspect) may name anyone's with `agentId`.
 */
export async function myQuality(
  app: AppContext,
  actor: AgentPrincipal,
  query: { from: string; to: string; agentId?: string | undefined },
): Promise<QualitySessionsResponse> {
  const agentId = query.agentId ?? actor.agentId;
  if (agentId !== actor.agentId && !can(actor, 'quality.inspect')) throw new AppError('forbidden');
  const filter = await sessionFilterOf(app, actor.shopId, { ...query, agentId });
  const [rows, summary] = await Promise.all([
    listNewestSessions(app.storage.db, filter, MY_QUALITY_LIMIT),
    summaryOf(app, filter),
  ]);
  return { sessions: await presentSessions(app.storage.db, actor.shopId, rows), summary };
}
