import type { ListMessagesResponse, MessageKind, SendMessageResponse, UploadResponse } from '@golddesk/contracts';
import { apiRequest, errorMessage } from '../../platform/api-client';
import { conversationStore, applyMessageToSummary } from './conversation.store';
import {
  addPending,
  mergeMessages,
  messageStore,
  setConversationFlags,
  updatePending,
  type PendingMessage,
} from './message.store';

const PAGE_SIZE = 50;
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

function messagesPath(conversationId: string): string {
  return `/api/v1/conversations/${encodeURIComponent(conversationId)}/messages`;
}

/** Loads the latest page of a conversation (and anything newer), starting from the summary's lastSeq. */
export async function loadLatest(conversationId: string): Promise<void> {
  const lastSeq = conversationStore.get().byId[conversationId]?.lastSeq ?? 0;
  let afterSeq = Math.max(0, lastSeq - PAGE_SIZE);
  const firstAfter = afterSeq;
  // Keep reading forward in case messages arrived after the summary was fetched.
  for (let page = 0; page < 5; page += 1) {
    const answer = await apiRequest<ListMessagesResponse>(messagesPath(conversationId), { query: { afterSeq, limit: 200 } });
    mergeMessages(conversationId, answer.messages);
    const last = answer.messages.at(-1);
    if (!answer.hasMore || !last) break;
    afterSeq = last.seq;
  }
  const first = messageStore.get()[conversationId]?.messages[0];
  setConversationFlags(conversationId, { loaded: true, hasOlder: (first?.seq ?? firstAfter + 1) > 1 });
}

/** Scroll-back: loads the page before the oldest message held. */
export async function loadOlder(conversationId: string): Promise<void> {
  const entry = messageStore.get()[conversationId];
  const oldest = entry?.messages[0];
  if (!entry || !oldest || !entry.hasOlder || entry.loadingOlder) return;
  setConversationFlags(conversationId, { loadingOlder: true });
  try {
    const answer = await apiRequest<ListMessagesResponse>(messagesPath(conversationId), {
      query: { beforeSeq: oldest.seq, limit: PAGE_SIZE },
    });
    const first = answer.messages[0];
    const hasOlder = answer.hasMore ?? (first ? first.seq > 1 : false);
    mergeMessages(conversationId, answer.messages, { loadingOlder: false, hasOlder: hasOlder && answer.messages.length > 0 });
  } catch (error) {
    setConversationFlags(conversationId, { loadingOlder: false });
    throw error;
  }
}

interface Draft {
  kind: MessageKind;
  body: string;
  file?: File;
  /** An image already uploaded (a quick reply's), sent without uploading again. */
  attachmentId?: string;
  previewUrl?: string;
}

/** Validates an image before it is uploaded; returns an i18n key on failure. */
export function imageProblem(file: File): string | null {
  if (!IMAGE_TYPES.includes(file.type)) return 'chat.imageType';
  if (file.size > MAX_UPLOAD_BYTES) return 'chat.imageTooLarge';
  return null;
}

/** Sends an agent message optimistically: shows it as "sending" until the server stores it. */
export function sendMessage(conversationId: string, draft: Draft): void {
  const pending: PendingMessage = {
    clientMsgId: crypto.randomUUID(),
    conversationId,
    kind: draft.kind,
    body: draft.body,
    state: 'sending',
    createdAt: new Date().toISOString(),
    file: draft.file,
    attachmentId: draft.attachmentId,
    previewUrl: draft.file ? URL.createObjectURL(draft.file) : draft.previewUrl,
  };
  addPending(pending);
  void deliver(pending);
}

/** Retries a failed message with the same clientMsgId, so the server never stores it twice. */
export function retryMessage(pending: PendingMessage): void {
  updatePending(pending.conversationId, pending.clientMsgId, { state: 'sending', error: undefined });
  void deliver(pending);
}

async function deliver(pending: PendingMessage): Promise<void> {
  const { conversationId, clientMsgId } = pending;
  try {
    let attachmentId = pending.attachmentId;
    if (pending.kind === 'image' && !attachmentId && pending.file) {
      const upload = await apiRequest<UploadResponse>('/api/v1/uploads', { method: 'POST', body: pending.file });
      attachmentId = upload.attachment.id;
      updatePending(conversationId, clientMsgId, { attachmentId });
      pending = { ...pending, attachmentId };
    }
    const answer = await apiRequest<SendMessageResponse>(messagesPath(conversationId), {
      method: 'POST',
      body: { body: pending.body, clientMsgId, kind: pending.kind, ...(attachmentId ? { attachmentId } : {}) },
    });
    mergeMessages(conversationId, [answer.message]);
    applyMessageToSummary(answer.message, true);
  } catch (error) {
    updatePending(conversationId, clientMsgId, { state: 'failed', error: errorMessage(error) });
  }
}

/** Sends the card of one of the buyer's orders into the conversation (发送订单卡片). */
export async function sendOrderCard(conversationId: string, orderId: string): Promise<void> {
  const answer = await apiRequest<SendMessageResponse>(messagesPath(conversationId), {
    method: 'POST',
    body: { kind: 'order', orderId, body: '', clientMsgId: crypto.randomUUID() },
  });
  mergeMessages(conversationId, [answer.message]);
  applyMessageToSummary(answer.message, true);
}
