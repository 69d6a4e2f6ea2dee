import type {
  ImageAttachment,
  Message,
  MessageKind,
  MessageSender,
  OrderCard,
  ProductCard,
  ServerText,
} from '@golddesk/contracts';
import type { Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export type MessageRow = Selectable<Database['messages']>;

/** What a message keeps beside its text: a snapshot, so history reads never join other tables. */
export interface MessagePayload {
  agentName?: string;
  attachment?: ImageAttachment;
  product?: ProductCard;
  order?: OrderCard;
  /** A line the server wrote: its code, so agents reading in English see it worded in English. */
  notice?: ServerText;
}

/** The only way a stored message leaves the server (HTTP and WebSocket alike). */
export function presentMessage(row: MessageRow): Message {
  const payload: MessagePayload = row.payload ? JSON.parse(row.payload) : {};
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    sender: row.sender as MessageSender,
    body: row.body,
    createdAt: row.created_at,
    kind: row.kind as MessageKind,
    clientMsgId: row.client_msg_id,
    agent: row.agent_id ? { id: row.agent_id, name: payload.agentName ?? '' } : null,
    attachment: payload.attachment ?? null,
    product: payload.product ?? null,
    order: payload.order ?? null,
    ...(payload.notice ? { notice: payload.notice } : {}),
  };
}
