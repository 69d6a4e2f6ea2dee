import type { SatisfactionInvitedBy, SatisfactionRatingView } from '@golddesk/contracts';
import type { AppContext } from '../../../platform/app-context.js';
import { newId } from '../../../platform/ids.js';
import { announceRating } from '../satisfaction.events.js';
import { findConversationForRating, insertInvitationOnce } from '../satisfaction.repository.js';
import { readSatisfactionSettings } from '../satisfaction-settings.js';
import { findServiceSession } from '../service-session.js';

export interface InviteRatingProps {
  shopId: string;
  conversationId: string;
  /** How the invitation comes: the agent closed the session, the buyer went quiet, or an agent sends it by hand. */
  by: SatisfactionInvitedBy;
  /** The agent sending it by hand (by: agent). */
  invitingAgentId?: string;
  /** A closing's time (by: closed): the session that closing ended is rated, even if the buyer wrote again since. */
  closedAt?: string;
}

/** Invited (with the agents' view), or why not: the callers decide whether that is an error (by hand) or nothing. */
export type InviteRatingOutcome =
  | { result: 'invited'; rating: SatisfactionRatingView }
  | { result: 'not_found' | 'disabled' | 'blocked' | 'not_idle' | 'nothing_to_rate' | 'already_invited' };

/**
 * Invites the buyer to rate a service session (满意度邀评), once per session whatever the way: the session's key is
 * unique per conversation, so a closing, the idle sweep, a hand invitation and another process racing each other end
 * with one invitation, and only the one that stored it announces it (`satisfaction.invited`). A session no agent
 * answered has nothing to rate; a blacklisted buyer is never invited automatically.
 */
export async function inviteRating(app: AppContext, props: InviteRatingProps): Promise<InviteRatingOutcome> {
  const db = app.storage.db;
  const conversation = await findConversationForRating(db, props.shopId, props.conversationId);
  if (!conversation) return { result: 'not_found' };
  if (!(await readSatisfactionSettings(db, props.shopId)).enabled) return { result: 'disabled' };
  if (props.by !== 'agent' && conversation.blocked_at) return { result: 'blocked' };
  // The buyer wrote again after the sweep found them quiet: the session goes on.
  if (props.by === 'idle' && (conversation.status !== 'open' || conversation.waiting_since)) return { result: 'not_idle' };
  const session = await findServiceSession(db, conversation, props.closedAt);
  if (!session.servedBy) return { result: 'nothing_to_rate' };
  const id = newId();
  const created = await insertInvitationOnce(db, {
    id,
    shop_id: props.shopId,
    conversation_id: conversation.id,
    buyer_id: conversation.buyer_id,
    agent_id: session.servedBy.agentId,
    session_key: session.key,
    invited_at: app.now().toISOString(),
    invited_by: props.by,
    inviting_agent_id: props.invitingAgentId ?? null,
    score: null,
    reasons_json: null,
    comment: null,
    rated_at: null,
    day: null,
  });
  if (!created) return { result: 'already_invited' };
  return { result: 'invited', rating: await announceRating(app, 'satisfaction.invited', props.shopId, id) };
}
