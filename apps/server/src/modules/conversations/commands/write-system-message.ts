import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { newId } from '../../../platform/ids.js';
import { ensureBuyerConversation } from '../conversation.repository.js';
import type { MessagePayload } from '../message.presenter.js';
import { storeMessageBatch, type StoredMessage } from '../message.repository.js';

export interface SystemMessageProps {
  shopId: string;
  /** Whose conversation it lands in (created if the buyer never wrote). */
  buyerId: string;
  /** What the buyer reads, in Chinese (a server-made line also puts its code in `payload.notice`). */
  body: string;
  payload?: MessagePayload;
  at: string;
}

/**
 * A system message inside the caller's transaction, so the change it announces and the announcement
 * commit together. Publish the result with publishStoredMessages after the commit.
 */
export async function writeSystemMessage(trx: Transaction<Database>, props: SystemMessageProps): Promise<StoredMessage> {
  const conversation = await ensureBuyerConversation(trx, props.shopId, props.buyerId, props.at);
  const [stored] = await storeMessageBatch(trx, [
    {
      id: newId(),
      shopId: props.shopId,
      conversationId: conversation.id,
      sender: 'system',
      agentId: null,
      kind: 'text',
      body: props.body,
      payload: props.payload && Object.keys(props.payload).length ? JSON.stringify(props.payload) : null,
      clientMsgId: null,
      createdAt: props.at,
      origin: 'system',
    },
  ]);
  return stored!;
}
