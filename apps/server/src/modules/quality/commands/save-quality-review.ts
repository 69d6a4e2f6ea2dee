import type { QualityReviewScore, QualityReviewView, QualityScorecardItem } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { newId } from '../../../platform/ids.js';
import { findSessionRecord } from '../quality-inspection.repository.js';
import { findReviewRecord, upsertReview } from '../quality-review.repository.js';
import { presentReview } from '../quality-inspection.presenter.js';
import { readQualityScorecard } from '../quality-scorecard.js';

export interface SaveQualityReviewProps {
  /** The session scored (its id from the sample list). */
  sessionId: string;
  /** Points per scorecard item: every item once, a whole number from 0 to its maximum. */
  scores: { item: string; points: number }[];
  /** What the manager tells the agent. */
  comment: string;
}

function invalid(zh: string, en: string): AppError {
  return new AppError('quality_review_invalid', { detail: zh, detailEn: en });
}

/** The scores in the scorecard's order with each item's name and maximum, or a 400 naming the item that is wrong. */
function scoresOn(items: QualityScorecardItem[], given: SaveQualityReviewProps['scores']): QualityReviewScore[] {
  const known = new Set(items.map((item) => item.id));
  const seen = new Set<string>();
  for (const score of given) {
    if (!known.has(score.item)) throw invalid(`评分表中没有“${score.item}”这一项`, `the scorecard has no item "${score.item}"`);
    const item = items.find((i) => i.id === score.item)!;
    if (seen.has(score.item)) throw invalid(`「${item.name.zh}」打了两次分`, `"${item.name.en}" is scored twice`);
    seen.add(score.item);
  }
  return items.map((item) => {
    const score = given.find((s) => s.item === item.id);
    if (!score) throw invalid(`请给「${item.name.zh}」打分`, `score "${item.name.en}" too`);
    if (!Number.isInteger(score.points) || score.points < 0 || score.points > item.maxPoints) {
      throw invalid(
        `「${item.name.zh}」须为 0–${item.maxPoints} 的整数（收到 ${score.points}）`,
        `"${item.name.en}" takes a whole number from 0 to ${item.maxPoints} (got ${score.points})`,
      );
    }
    return { item: item.id, name: item.name, maxPoints: item.maxPoints, points: score.points };
  });
}

/**
 * A manager scores a session on the shop's scorecard (quality.inspect), with a comment for the agent; saving again
 * replaces their own review of it. The items are kept as they are now, so a later change of the scorecard leaves the
 * review readable. The agent the session counts for reads it under 我的质检.
 */
export async function saveQualityReview(
  ctx: CommandContext<AgentPrincipal>,
  props: SaveQualityReviewProps,
): Promise<QualityReviewView> {
  const { app, actor } = ctx;
  requireCapability(actor, 'quality.inspect');
  const session = await findSessionRecord(app.storage.db, actor.shopId, props.sessionId);
  if (!session) throw new AppError('not_found', { thing: 'quality_session' });
  const { scorecard } = await readQualityScorecard(app.storage.db, actor.shopId);
  const scores = scoresOn(scorecard.items, props.scores);
  const at = app.now().toISOString();
  await upsertReview(app.storage.db, {
    id: newId(),
    shop_id: actor.shopId,
    session_id: session.id,
    conversation_id: session.conversation_id,
    agent_id: session.agent_id,
    reviewer_id: actor.agentId,
    scores_json: JSON.stringify(scores),
    total: scores.reduce((sum, score) => sum + score.points, 0),
    comment: props.comment.trim(),
    created_at: at,
    updated_at: at,
  });
  return presentReview((await findReviewRecord(app.storage.db, session.id, actor.agentId))!);
}
