import {
  chinaTimeOf,
  reasonsForScore,
  satisfactionLevelWord,
  satisfactionReasonWord,
  type BuyerSatisfactionView,
  type SatisfactionReasonKey,
} from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { BuyerPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { announceRating } from '../satisfaction.events.js';
import { presentBuyerInvitation } from '../satisfaction.presenter.js';
import { findConversationRating, findLatestRating, recordRating } from '../satisfaction.repository.js';

export interface RateServiceProps {
  /** The invitation rated; unset: the latest one of the buyer's conversation. */
  invitationId?: string;
  /** 5 很满意 … 1 很不满意. */
  score: number;
  /** Reason keys offered with the score (reasonsForScore); repeats count once. */
  reasons: SatisfactionReasonKey[];
  /** What the buyer adds in their own words (trimmed; empty: none). */
  comment?: string;
}

/**
 * The buyer rates a session they were invited to rate, once: a second rating (a double tap, another tab) is refused
 * with satisfaction_already_rated, a rating nobody asked for with satisfaction_not_invited. The rating is dated by its
 * China day for the figures, and reaches the agents (`satisfaction.rated`).
 */
export async function rateService(ctx: CommandContext<BuyerPrincipal>, props: RateServiceProps): Promise<BuyerSatisfactionView> {
  const { app, actor } = ctx;
  const db = app.storage.db;
  const invitation = props.invitationId
    ? await findConversationRating(db, actor.conversationId, props.invitationId)
    : await findLatestRating(db, actor.conversationId);
  if (!invitation) {
    if (props.invitationId) throw new AppError('not_found', { thing: 'satisfaction_invitation' });
    throw new AppError('satisfaction_not_invited');
  }
  if (invitation.rated_at !== null) throw new AppError('satisfaction_already_rated');
  const reasons = [...new Set(props.reasons)];
  const offered = reasonsForScore(props.score);
  const stray = reasons.find((reason) => !offered.includes(reason));
  if (stray) {
    throw new AppError('satisfaction_reason_mismatch', {
      reason: satisfactionReasonWord(stray, 'zh-CN'),
      reasonEn: satisfactionReasonWord(stray, 'en'),
      level: satisfactionLevelWord(props.score, 'zh-CN'),
      levelEn: satisfactionLevelWord(props.score, 'en'),
    });
  }
  const now = app.now();
  const comment = props.comment?.trim() || null;
  const recorded = await recordRating(db, invitation.id, {
    score: props.score,
    reasons_json: JSON.stringify(reasons),
    comment,
    rated_at: now.toISOString(),
    day: chinaTimeOf(now).date,
  });
  if (!recorded) throw new AppError('satisfaction_already_rated');
  await announceRating(app, 'satisfaction.rated', actor.shopId, invitation.id);
  return presentBuyerInvitation((await findConversationRating(db, actor.conversationId, invitation.id))!);
}
