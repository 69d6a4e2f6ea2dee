import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';
import { Message } from './messages.js';
import { Handoff } from './routing.js';

export const ConversationStatus = z.enum(['open', 'closed']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const BuyerView = z.object({
  id: Id,
  nick: z.string(),
  avatarUrl: z.string().nullable().optional(),
  /** False for a self-declared widget visitor (anonymous, nick of their own choosing); true once the shop vouched for them. */
  verified: z.boolean().optional(),
});
export type BuyerView = z.infer<typeof BuyerView>;

export const ConversationSummary = z.object({
  id: Id,
  buyer: BuyerView,
  lastMessage: Message.nullable(),
  /** What the buyer last wrote (the contact list's preview): the bot's welcome or a system line never hides it. */
  lastBuyerMessage: Message.nullable().optional(),
  status: ConversationStatus,
  assignee: z.object({ id: Id, name: z.string() }).nullable(),
  /** The agent serving the buyer (null: nobody yet). */
  assigneeId: Id.nullable(),
  /** The routing group the buyer belongs to (presale, aftersale, support or the shop's own; null: not routed). */
  group: z.string().nullable(),
  /** The buyer's place in their group's queue (null: not queued). */
  queuePosition: z.number().int().nullable().optional(),
  /** The last hand-over's note for the agent now serving (转接 / 改派). */
  handoff: Handoff.nullable().optional(),
  lastSeq: z.number().int(),
  unreadCount: z.number().int().describe('buyer messages after the shop last read'),
  waitingSince: IsoDateTime.nullable().describe('first unanswered buyer message; null once answered'),
  agentReadSeq: z.number().int(),
  buyerReadSeq: z.number().int(),
  updatedAt: IsoDateTime,
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const ConversationFilter = z.enum(['all', 'waiting', 'mine']);
export type ConversationFilter = z.infer<typeof ConversationFilter>;

/** `recent`: most recent activity first (the default); `waiting`: the longest-waiting buyer first (待接待). */
export const ConversationSort = z.enum(['recent', 'waiting']);
export type ConversationSort = z.infer<typeof ConversationSort>;

export const ListConversationsQuery = z.object({
  filter: ConversationFilter.default('all'),
  /** me: the caller's buyers (open, assigned to them); the same as filter=mine. */
  assignee: z.enum(['me']).optional(),
  /** Only buyers of this routing group. */
  group: z.string().max(32).optional(),
  sort: ConversationSort.default('recent'),
  limit: z.coerce.number().int().min(1).optional(),
});

export const ListConversationsResponse = z.object({ conversations: z.array(ConversationSummary) });
export type ListConversationsResponse = z.infer<typeof ListConversationsResponse>;

export const ConversationResponse = z.object({ conversation: ConversationSummary });

export const SearchMessagesQuery = z.object({
  q: z.string().min(1).max(100),
  limit: z.coerce.number().int().min(1).optional(),
});
export const SearchHit = z.object({ message: Message, buyer: BuyerView });
export const SearchMessagesResponse = z.object({ hits: z.array(SearchHit), terms: z.array(z.string()) });
export type SearchMessagesResponse = z.infer<typeof SearchMessagesResponse>;
