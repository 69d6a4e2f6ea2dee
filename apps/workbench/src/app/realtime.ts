import type { Message, ServerFrame } from '@golddesk/contracts';
import { apiRequest } from '../platform/api-client';
import { i18next } from '../platform/i18n';
import { getSession } from '../platform/session';
import { createStore } from '../platform/store';
import { StreamClient, type StreamStatus } from '../platform/stream-client';
import { ensureConversation, loadConversations } from '../modules/conversations/conversation.api';
import {
  applyMessageToSummary,
  conversationStore,
  setActiveConversation,
  upsertSummary,
} from '../modules/conversations/conversation.store';
import { mergeMessages, resumeCursors, setConversationFlags } from '../modules/chat/message.store';
import { alertNewBuyerMessage } from '../modules/chat/notify';
import { loadPendingApprovals } from '../modules/approvals/approval.api';
import { announceOwnDecision, approvalStore, upsertApproval } from '../modules/approvals/approval.store';
import { putOrders } from '../modules/orders/order.store';
import { putImport } from '../modules/imports/import.store';
import { currentView, navigate } from './navigation';

/** Connection state for the header's indicator. */
export const streamStatusStore = createStore<StreamStatus>('connecting');

let client: StreamClient | null = null;
const typingTimers = new Map<string, number>();
// A buyer's "typing" expires on its own in case the "stopped" frame never comes.
const TYPING_EXPIRY_MS = 8000;

/** Whether the agent is looking at this conversation right now (not while on another page such as the team list). */
export function isViewing(conversationId: string): boolean {
  return (
    currentView() === 'workbench' && conversationStore.get().activeId === conversationId && document.visibilityState === 'visible'
  );
}

function previewOf(message: Message): string {
  if (message.kind === 'image') return i18next.t('chat.imageMessage');
  if (message.kind === 'product') return `${i18next.t('chat.productMessage')} ${message.body}`;
  if (message.kind === 'order') return `${i18next.t('chat.orderMessage')} ${message.order?.orderNo ?? ''}`;
  return message.body;
}

function onMessageCreated(message: Message): void {
  mergeMessages(message.conversationId, [message]);
  const known = conversationStore.get().byId[message.conversationId];
  if (known) applyMessageToSummary(message, isViewing(message.conversationId));
  else void ensureConversation(message.conversationId).catch(() => undefined);
  if (message.sender !== 'buyer') return;
  setBuyerTyping(message.conversationId, false);
  const nick = known?.buyer.nick ?? '';
  alertNewBuyerMessage(message.conversationId, nick, previewOf(message), () => {
    navigate('workbench');
    setActiveConversation(message.conversationId);
  });
}

function setBuyerTyping(conversationId: string, typing: boolean): void {
  window.clearTimeout(typingTimers.get(conversationId));
  setConversationFlags(conversationId, { buyerTyping: typing });
  if (typing) {
    typingTimers.set(
      conversationId,
      window.setTimeout(() => setConversationFlags(conversationId, { buyerTyping: false }), TYPING_EXPIRY_MS),
    );
  }
}

type FrameListener = (frame: ServerFrame) => void;
const frameListeners = new Set<FrameListener>();

/** Lets a module react to stream frames without a case here (e.g. customer.footprint); returns the unsubscribe. */
export function onStreamFrame(listener: FrameListener): () => void {
  frameListeners.add(listener);
  return () => frameListeners.delete(listener);
}

function onFrame(frame: ServerFrame): void {
  for (const listener of frameListeners) listener(frame);
  switch (frame.type) {
    case 'message.created':
      onMessageCreated(frame.message);
      break;
    case 'conversation.updated':
      upsertSummary(frame.conversation);
      break;
    case 'conversation.typing':
      if (frame.side === 'buyer') setBuyerTyping(frame.conversationId, frame.typing);
      break;
    case 'conversation.read': {
      const summary = conversationStore.get().byId[frame.conversationId];
      if (!summary) break;
      const field = frame.side === 'buyer' ? 'buyerReadSeq' : 'agentReadSeq';
      if (frame.seq > summary[field]) upsertSummary({ ...summary, [field]: frame.seq });
      break;
    }
    case 'order.updated':
      putOrders([frame.order]);
      break;
    case 'import.progress':
      putImport(frame.import);
      break;
    case 'approval.updated': {
      const wasPending = approvalStore.get().pending.some((a) => a.id === frame.approval.id);
      upsertApproval(frame.approval);
      const mine = frame.approval.requestedBy.id === getSession()?.agent.id;
      if (mine && frame.approval.status !== 'pending' && wasPending) announceOwnDecision(frame.approval);
      break;
    }
    default:
      break; // ready, synced, pong, ack: nothing to show
  }
}

function onReady(): void {
  client?.send({ type: 'resume', cursors: resumeCursors() });
  // Approval requests may have been created or decided while we were away.
  void loadPendingApprovals().catch(() => undefined);
  // Summaries may have changed while we were away: refresh the loaded tabs.
  const { lists } = conversationStore.get();
  for (const filter of ['waiting', 'mine', 'all'] as const) {
    if (lists[filter]) void loadConversations(filter).catch(() => undefined);
  }
}

/** Opens the agent's stream (idempotent). */
export function startRealtime(): void {
  if (client) return;
  client = new StreamClient({
    token: () => getSession()?.token ?? null,
    onFrame,
    onReady,
    onStatus: (status) => streamStatusStore.set(status),
    // A socket that keeps failing may mean an expired token: a cheap call finds out (401 → login).
    onRepeatedFailure: () => void apiRequest('/api/v1/me').catch(() => undefined),
  });
  client.start();
  window.addEventListener('online', reconnect);
}

function reconnect(): void {
  client?.reconnectSoon();
}

export function stopRealtime(): void {
  client?.stop();
  client = null;
  window.removeEventListener('online', reconnect);
}

/** Tells the buyer the agent is (or stopped) typing. */
export function sendTyping(conversationId: string, typing: boolean): void {
  client?.send({ type: 'typing', conversationId, typing });
}
