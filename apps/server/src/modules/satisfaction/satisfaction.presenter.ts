import type { BuyerSatisfactionView, SatisfactionInvitedBy, SatisfactionRatingView } from '@golddesk/contracts';
import type { RatingRecord, RatingRow } from './satisfaction.repository.js';

function reasonsOf(row: RatingRow): string[] {
  if (!row.reasons_json) return [];
  try {
    const reasons = JSON.parse(row.reasons_json) as unknown;
    return Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}

/** The agents' view: who served the buyer and who invited, with the rating once given. */
export function presentRating(row: RatingRecord): SatisfactionRatingView {
  const rated = row.rated_at !== null;
  return {
    id: row.id,
    conversationId: row.conversation_id,
    buyerId: row.buyer_id,
    agent: row.agent_id ? { id: row.agent_id, name: row.agent_name ?? '' } : null,
    invitedAt: row.invited_at,
    invitedBy: row.invited_by as SatisfactionInvitedBy,
    invitingAgent: row.inviting_agent_id ? { id: row.inviting_agent_id, name: row.inviting_agent_name ?? '' } : null,
    state: rated ? 'rated' : 'invited',
    score: row.score === null ? null : Number(row.score),
    reasons: reasonsOf(row),
    comment: row.comment,
    ratedAt: row.rated_at,
  };
}

/** The buyer's view: the invitation and their own rating, never an agent's id or name. */
export function presentBuyerInvitation(row: RatingRow): BuyerSatisfactionView {
  return {
    id: row.id,
    invitedAt: row.invited_at,
    state: row.rated_at !== null ? 'rated' : 'pending',
    score: row.score === null ? null : Number(row.score),
    reasons: reasonsOf(row),
    comment: row.comment,
    ratedAt: row.rated_at,
  };
}
