import { Handoff, isVouchedIdentity, type ConversationStatus, type ConversationSummary, type Message } from '@golddesk/contracts';
import { presentMessage } from './message.presenter.js';
import type { NewMessage } from './message.repository.js';
import type { ConversationListRow } from './conversation.repository.js';

export function presentConversation(row: ConversationListRow): ConversationSummary {
  return {
    id: row.id,
    buyer: { id: row.buyer_id, nick: row.buyer_nick, verified: isVouchedIdentity(row.buyer_identity_source) },
    lastMessage: row.lm_id
      ? presentJoinedMessage(row, {
          id: row.lm_id,
          seq: row.lm_seq!,
          sender: row.lm_sender!,
          agentId: row.lm_agent_id,
          kind: row.lm_kind!,
          body: row.lm_body!,
          payload: row.lm_payload,
          clientMsgId: row.lm_client_msg_id,
          createdAt: row.lm_created_at!,
        })
      : null,
    lastBuyerMessage: row.bm_id
      ? presentJoinedMessage(row, {
          id: row.bm_id,
          seq: row.bm_seq!,
          sender: 'buyer',
          agentId: null,
          kind: row.bm_kind!,
          body: row.bm_body!,
          payload: row.bm_payload,
          clientMsgId: row.bm_client_msg_id,
          createdAt: row.bm_created_at!,
        })
      : null,
    status: row.status as ConversationStatus,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    assigneeId: row.assignee_id,
    group: row.group_key ?? null,
    queuePosition: row.queue_position ?? null,
    handoff: row.assignee_id ? parseHandoff(row.handoff_json) : null,
    lastSeq: Number(row.last_seq),
    unreadCount: row.unread_count,
    waitingSince: row.waiting_since,
    agentReadSeq: Number(row.agent_read_seq),
    buyerReadSeq: Number(row.buyer_read_seq),
    updatedAt: row.updated_at,
  };
}

/** A message as the summary query joins it in; the conversation's own fields come from the row. */
type JoinedMessage = Omit<NewMessage, 'shopId' | 'conversationId' | 'sender'> & { seq: number; sender: string };

/** A message joined into the summary row, presented like any other. */
function presentJoinedMessage(row: ConversationListRow, m: JoinedMessage): Message {
  return presentMessage({
    id: m.id,
    shop_id: row.shop_id,
    conversation_id: row.id,
    seq: m.seq,
    sender: m.sender,
    agent_id: m.agentId,
    kind: m.kind,
    body: m.body,
    payload: m.payload,
    client_msg_id: m.clientMsgId,
    created_at: m.createdAt,
  });
}

/** The stored hand-over note, or null when there is none (or it no longer reads). */
function parseHandoff(json: string | null | undefined): Handoff | null {
  if (!json) return null;
  try {
    const parsed = Handoff.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
