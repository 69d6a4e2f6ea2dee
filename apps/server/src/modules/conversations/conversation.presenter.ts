import type { ConversationStatus, ConversationSummary } from '@golddesk/contracts';
import { isVouched } from '../customers/buyer-identity.js';
import { presentMessage } from '../messages/message.presenter.js';
import type { ConversationListRow } from './conversation.repository.js';

export function presentConversation(row: ConversationListRow): ConversationSummary {
  return {
    id: row.id,
    buyer: { id: row.buyer_id, nick: row.buyer_nick, verified: isVouched({ identity_source: row.buyer_identity_source }) },
    lastMessage: row.lm_id
      ? presentMessage({
          id: row.lm_id,
          shop_id: row.shop_id,
          conversation_id: row.id,
          seq: row.lm_seq!,
          sender: row.lm_sender!,
          agent_id: row.lm_agent_id,
          kind: row.lm_kind!,
          body: row.lm_body!,
          payload: row.lm_payload,
          client_msg_id: row.lm_client_msg_id,
          created_at: row.lm_created_at!,
        })
      : null,
    status: row.status as ConversationStatus,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    lastSeq: Number(row.last_seq),
    unreadCount: row.unread_count,
    waitingSince: row.waiting_since,
    agentReadSeq: Number(row.agent_read_seq),
    buyerReadSeq: Number(row.buyer_read_seq),
    updatedAt: row.updated_at,
  };
}
