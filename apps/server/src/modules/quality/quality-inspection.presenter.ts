import type {
  QualityHitView,
  QualityReviewScore,
  QualityReviewView,
  QualityRuleKind,
  QualitySessionView,
} from '@golddesk/contracts';
import type { SessionRecord } from './quality-inspection.repository.js';
import type { ReviewRecord } from './quality-review.repository.js';
import type { HitRow } from './quality-sessions.js';

/** The only way 质检 results leave the server. */

export function presentHit(row: HitRow): QualityHitView {
  return {
    id: row.id,
    rule: row.rule_id,
    kind: row.kind as QualityRuleKind,
    messageId: row.message_id,
    span: [row.span_start, row.span_end],
    quote: row.quote,
    points: row.points,
    agentId: row.agent_id,
  };
}

export function presentReview(row: ReviewRecord): QualityReviewView {
  return {
    id: row.id,
    sessionId: row.session_id,
    reviewer: { id: row.reviewer_id, name: row.reviewer_name ?? '' },
    scores: JSON.parse(row.scores_json) as QualityReviewScore[],
    total: Number(row.total),
    comment: row.comment,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What a session is shown with: its hits, the buyer's rating of it (if any), its reviews. */
export interface SessionExtras {
  hits: HitRow[];
  rating: number | null;
  reviews: ReviewRecord[];
}

export function presentSession(row: SessionRecord, extras: SessionExtras): QualitySessionView {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    buyer: { id: row.buyer_id, nick: row.buyer_nick ?? '' },
    agent: row.agent_id ? { id: row.agent_id, name: row.agent_name ?? '' } : null,
    startSeq: row.start_seq,
    endSeq: row.last_seq,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    closed: row.closed === 1,
    day: row.day,
    replies: row.replies,
    score: row.score,
    hits: extras.hits.map(presentHit),
    rating: extras.rating === null ? null : { score: extras.rating },
    reviews: extras.reviews.map(presentReview),
  };
}
