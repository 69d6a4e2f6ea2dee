import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';
import { MAX_SATISFACTION_COMMENT_LENGTH, SATISFACTION_REASON_KEYS } from './satisfaction-levels.js';

export * from './satisfaction-levels.js';

/**
 * 满意度: when a service session ends (the agent closed it, the buyer went quiet for the shop's idle minutes, or the
 * agent asked by hand) the buyer is invited once to rate it; the rating reaches the agents and the figures. The buyer
 * and the agents each get their own view (the buyer never sees agent ids).
 */

/** 5 很满意 · 4 满意 · 3 一般 · 2 不满意 · 1 很不满意. */
export const SatisfactionScore = z.number().int().min(1).max(5);

export const SatisfactionReason = z.enum(SATISFACTION_REASON_KEYS);

/** How the invitation came: the agent closed the session, the buyer was idle, or an agent sent it by hand. */
export const SatisfactionInvitedBy = z.enum(['closed', 'idle', 'agent']);
export type SatisfactionInvitedBy = z.infer<typeof SatisfactionInvitedBy>;

/** The buyer rates: the level, reasons offered with it (reasonsForScore), an optional comment. */
export const RateSatisfactionRequest = z.object({
  invitationId: Id.optional().describe('the invitation rated; unset: the latest one of the conversation'),
  score: SatisfactionScore,
  reasons: z.array(SatisfactionReason).max(6).default([]).describe('keys offered with the score (reasonsForScore)'),
  comment: z.string().trim().max(MAX_SATISFACTION_COMMENT_LENGTH).optional(),
});
export type RateSatisfactionRequest = z.input<typeof RateSatisfactionRequest>;

/** The buyer's view of an invitation: whether they rated it, and what they said. */
export const BuyerSatisfactionView = z.object({
  id: Id,
  invitedAt: IsoDateTime,
  state: z.enum(['pending', 'rated']),
  score: SatisfactionScore.nullable(),
  reasons: z.array(z.string()),
  comment: z.string().nullable(),
  ratedAt: IsoDateTime.nullable(),
});
export type BuyerSatisfactionView = z.infer<typeof BuyerSatisfactionView>;

const AgentRef = z.object({ id: Id, name: z.string() });

/** The agents' view of an invitation and its rating: who served the buyer, how it was invited, what the buyer said. */
export const SatisfactionRatingView = z.object({
  id: Id,
  conversationId: Id,
  buyerId: Id,
  /** The agent who served the buyer in the session rated (the last to answer). */
  agent: AgentRef.nullable(),
  invitedAt: IsoDateTime,
  invitedBy: SatisfactionInvitedBy,
  /** Who sent it by hand (invitedBy agent). */
  invitingAgent: AgentRef.nullable(),
  state: z.enum(['invited', 'rated']),
  score: SatisfactionScore.nullable(),
  reasons: z.array(z.string()),
  comment: z.string().nullable(),
  ratedAt: IsoDateTime.nullable(),
});
export type SatisfactionRatingView = z.infer<typeof SatisfactionRatingView>;

export const WidgetSatisfactionResponse = z.object({
  invitation: BuyerSatisfactionView.nullable().describe('the latest invitation of the conversation; null: never invited'),
});
export type WidgetSatisfactionResponse = z.infer<typeof WidgetSatisfactionResponse>;

export const ConversationSatisfactionResponse = z.object({
  ratings: z.array(SatisfactionRatingView).describe('every invitation of the conversation, oldest first'),
});
export type ConversationSatisfactionResponse = z.infer<typeof ConversationSatisfactionResponse>;

export const SatisfactionInvitationResponse = z.object({ rating: SatisfactionRatingView });
export type SatisfactionInvitationResponse = z.infer<typeof SatisfactionInvitationResponse>;

/** The shop's settings (shops.settings.satisfaction). */
export const SatisfactionSettings = z.object({
  enabled: z.boolean().describe('invite buyers to rate their service (off: no invitation, automatic or by hand)'),
  idleMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .describe('a session the buyer left quiet this many minutes after an agent answered is rated (default 10)'),
});
export type SatisfactionSettings = z.infer<typeof SatisfactionSettings>;
export const DEFAULT_SATISFACTION_SETTINGS: SatisfactionSettings = { enabled: true, idleMinutes: 10 };
export const SatisfactionSettingsResponse = z.object({ settings: SatisfactionSettings });
export type SatisfactionSettingsResponse = z.infer<typeof SatisfactionSettingsResponse>;

/** The buyer (`invitation`) and the agents (`rating`): an invitation to rate was sent. */
export const SatisfactionInvitedFrame = z.object({
  type: z.literal('satisfaction.invited'),
  rating: SatisfactionRatingView.optional().describe('agents'),
  invitation: BuyerSatisfactionView.optional().describe('the buyer'),
});
/** The agents (`rating`, with score, reasons and comment) and the buyer's other tabs (`invitation`): the buyer rated. */
export const SatisfactionRatedFrame = z.object({
  type: z.literal('satisfaction.rated'),
  rating: SatisfactionRatingView.optional().describe('agents'),
  invitation: BuyerSatisfactionView.optional().describe('the buyer'),
});
