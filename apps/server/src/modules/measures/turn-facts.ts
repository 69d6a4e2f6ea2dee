import { chinaTimeOf, RESPONSE_RULES } from '@golddesk/contracts';
import type { Database } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';

export type TurnRow = Database['response_turns'];

/** What the facts need of a message (a relayed message.created, or a stored row when rebuilding). */
export interface FactMessage {
  id: string;
  seq: number;
  sender: string;
  agentId: string | null;
  clientMsgId: string | null;
  createdAt: string;
}

/** Who the conversation was with when the message arrived. */
export interface FactConversation {
  shopId: string;
  conversationId: string;
  buyerId: string;
  assigneeId: string | null;
  groupKey: string | null;
}

/** A change to the turns: a new row, or fields of an existing one. */
export type TurnChange = { insert: TurnRow } | { update: { id: string; set: Partial<TurnRow> } };

/** An auto-reply (关键词/欢迎语/忙碌回复): the bot answered by itself. Reminders and broadcasts are not replies. */
export function isAutoReply(message: FactMessage): boolean {
  return message.sender === 'bot' && (message.clientMsgId ?? '').startsWith('auto:');
}

/** China date and hour of an instant, and whether a turn starting then counts (08:00–23:00). */
export function chinaDayHour(at: string): { day: string; hour: number; counted: boolean } {
  const { date, minute } = chinaTimeOf(new Date(at));
  const hour = Math.floor(minute / 60);
  return { day: date, hour, counted: hour >= RESPONSE_RULES.windowStartHour && hour < RESPONSE_RULES.windowEndHour };
}

/**
 * How one message changes the conversation's turns, given its latest turn (`current`). Applied in message order, once
 * each (a message at or below the turn's last_seq was applied already):
 * - a buyer message opens a turn, or joins the open one (an open turn of an earlier China day is left unanswered);
 * - the first agent reply answers the turn and is credited to the agent who wrote it (whoever had the buyer before);
 *   replies sent from a suggestion or quick reply are the agent's like any other;
 * - an auto-reply marks the open turn as the bot's; only an agent's reply answers it;
 * - later agent messages count towards 答问比.
 */
export function turnChangeFor(
  current: TurnRow | undefined,
  message: FactMessage,
  conversation: FactConversation,
): TurnChange | undefined {
  if (current && message.seq <= current.last_seq) return undefined;
  const at = message.createdAt;
  if (message.sender === 'buyer') {
    const { day, hour, counted } = chinaDayHour(at);
    if (current && current.answered_at === null && current.day === day) {
      return {
        update: {
          id: current.id,
          set: {
            buyer_messages: current.buyer_messages + 1,
            last_seq: message.seq,
            agent_id: conversation.assigneeId ?? current.agent_id,
          },
        },
      };
    }
    return {
      insert: {
        id: newId(),
        shop_id: conversation.shopId,
        conversation_id: conversation.conversationId,
        buyer_id: conversation.buyerId,
        agent_id: conversation.assigneeId,
        group_key: conversation.groupKey,
        start_message_id: message.id,
        started_at: at,
        day,
        hour,
        counted: counted ? 1 : 0,
        first_of_day: current?.day === day ? 0 : 1,
        answer_message_id: null,
        answered_at: null,
        response_seconds: null,
        bot_replied: 0,
        buyer_messages: 1,
        agent_messages: 0,
        last_seq: message.seq,
      },
    };
  }
  if (!current) return undefined;
  if (message.sender === 'agent' && message.agentId) {
    if (current.answered_at !== null) {
      return { update: { id: current.id, set: { agent_messages: current.agent_messages + 1, last_seq: message.seq } } };
    }
    const seconds = Math.max(0, Math.round((Date.parse(at) - Date.parse(current.started_at)) / 1000));
    return {
      update: {
        id: current.id,
        set: {
          answer_message_id: message.id,
          answered_at: at,
          response_seconds: seconds,
          agent_id: message.agentId,
          agent_messages: current.agent_messages + 1,
          last_seq: message.seq,
        },
      },
    };
  }
  if (isAutoReply(message) && current.answered_at === null && !current.bot_replied) {
    return { update: { id: current.id, set: { bot_replied: 1, last_seq: message.seq } } };
  }
  return undefined;
}

/** The turn as it is after the change (the next message of a rebuild folds onto it). */
export function applyTurnChange(current: TurnRow | undefined, change: TurnChange): TurnRow {
  return 'insert' in change ? change.insert : { ...current!, ...change.update.set };
}
