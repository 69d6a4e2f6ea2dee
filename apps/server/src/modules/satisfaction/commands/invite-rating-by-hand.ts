import type { SatisfactionRatingView } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { requireInvitingAgent } from '../satisfaction.policy.js';
import { inviteRating } from './invite-rating.js';

export interface InviteRatingByHandProps {
  /** The conversation whose current (or just ended) session the buyer is asked to rate. */
  conversationId: string;
}

/**
 * 邀请评价: the serving agent asks the buyer to rate the session by hand (say, as the buyer says goodbye,
 * before anyone closes it). Refused with a reason when the shop switched ratings off,
 * no agent answered yet, or the session was invited already (once per session, however it came).
 */
export async function inviteRatingByHand(
  ctx: CommandContext<AgentPrincipal>,
  props: InviteRatingByHandProps,
): Promise<SatisfactionRatingView> {
  const { actor, app } = ctx;
  await requireInvitingAgent(ctx, props.conversationId);
  const outcome = await inviteRating(app, {
    shopId: actor.shopId,
    conversationId: props.conversationId,
    by: 'agent',
    invitingAgentId: actor.agentId,
  });
  switch (outcome.result) {
    case 'invited':
      return outcome.rating;
    case 'disabled':
      throw new AppError('satisfaction_disabled');
    case 'already_invited':
      throw new AppError('satisfaction_already_invited');
    case 'not_found':
      throw new AppError('not_found', { thing: 'conversation' });
    default:
      throw new AppError('satisfaction_nothing_to_rate');
  }
}
