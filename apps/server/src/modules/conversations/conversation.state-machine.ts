import { statusWord } from '@golddesk/contracts';
import { AppError } from '../../platform/http/errors.js';
import type { ConversationRow } from './conversation.repository.js';

/**
 * Where a conversation stands: 待接待 (open, nobody serves the buyer), 接待中 (open, an agent took it), 已结束.
 * Stored as status open|closed plus the assignee, so lists and queries stay as they are; worded by
 * statusWord('conversation', …).
 */
export type ConversationState = 'waiting' | 'assigned' | 'closed';

/** What moves a conversation: an agent takes it (接待), ends it (结束), or someone writes in it. */
export type ConversationMove = 'take' | 'close' | 'buyer_wrote' | 'agent_wrote';

/** The one transition table: a move missing from a state's row is refused. */
const MOVES: Record<ConversationMove, Partial<Record<ConversationState, ConversationState>>> = {
  // Taking over a colleague's buyer is allowed, as it always was; taking an ended chat reopens it for the taker (as before).
  take: { waiting: 'assigned', assigned: 'assigned', closed: 'assigned' },
  close: { waiting: 'closed', assigned: 'closed' },
  // The buyer writing again reopens a closed conversation in 待接待.
  buyer_wrote: { waiting: 'waiting', assigned: 'assigned', closed: 'waiting' },
  // An agent writing serves the buyer: the writer takes an unserved conversation, a served one keeps its agent.
  agent_wrote: { waiting: 'assigned', assigned: 'assigned', closed: 'assigned' },
};

/** The move as a person names it, for the refusal (不能接待 / cannot take it). */
const MOVE_NAMES: Record<ConversationMove, { zh: string; en: string }> = {
  take: { zh: '接待', en: 'take it' },
  close: { zh: '结束', en: 'close it' },
  buyer_wrote: { zh: '发消息', en: 'write in it' },
  agent_wrote: { zh: '发消息', en: 'write in it' },
};

type ConversationFields = Pick<ConversationRow, 'status' | 'assignee_id' | 'waiting_since'>;

/** The state a stored conversation is in. */
export function conversationState(conversation: Pick<ConversationRow, 'status' | 'assignee_id'>): ConversationState {
  if (conversation.status === 'closed') return 'closed';
  return conversation.assignee_id ? 'assigned' : 'waiting';
}

/**
 * The fields `move` changes on a conversation. Every writer of a conversation's status goes through here (take,
 * close, a message stored); a move the table does not allow is refused with conversation_state_forbids.
 * `agentId` is the agent taking it or writing; `at` the time of the move (a buyer's wait starts then).
 */
export function moveConversation(
  conversation: ConversationFields,
  move: ConversationMove,
  facts: { agentId?: string | null; at: string },
): Partial<ConversationFields> {
  const from = conversationState(conversation);
  const to = MOVES[move][from];
  if (!to) {
    throw new AppError('conversation_state_forbids', {
      status: statusWord('conversation', from, 'zh-CN'),
      statusEn: statusWord('conversation', from, 'en'),
      action: MOVE_NAMES[move].zh,
      actionEn: MOVE_NAMES[move].en,
    });
  }
  switch (move) {
    case 'take':
      return { status: 'open', assignee_id: facts.agentId ?? null };
    case 'close':
      return { status: 'closed', waiting_since: null };
    case 'buyer_wrote':
      return {
        status: 'open',
        waiting_since: conversation.waiting_since ?? facts.at,
        ...(from === 'closed' ? { assignee_id: null } : {}),
      };
    case 'agent_wrote':
      return { status: 'open', waiting_since: null, assignee_id: conversation.assignee_id ?? facts.agentId ?? null };
  }
}
