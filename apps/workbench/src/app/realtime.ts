import type { CaseView, Message, ServerFrame } from '@golddesk/contracts';
import { i18next } from '../platform/i18n';
import { openStream, sendFrame } from '../platform/realtime';
import { getSession } from '../platform/session';
import {
  ensureConversation,
  loadConversations,
  applyMessageToSummary,
  conversationStore,
  showConversation,
  upsertSummary,
  mergeMessages,
  resumeCursors,
  setConversationFlags,
} from '../modules/conversations';
import { alertNewBuyerMessage } from '../platform/notify';
import {
  announceNewRequest,
  announceOwnDecision,
  approvalStore,
  loadPendingApprovals,
  upsertApproval,
} from '../modules/approvals';
import { putOrders } from '../modules/orders';
import { announceCaseReminder, putCases } from '../modules/cases';
import { putTask } from '../modules/tasks';
import { putImport } from '../modules/imports';
import { currentPathname, paths } from '../platform/navigation';

const typingTimers = new Map<string, number>();
// A buyer's "typing" expires on its own in case the "stopped" frame never comes.
const TYPING_EXPIRY_MS = 8000;

/** Whether the agent is looking at this conversation right now (not while on another page such as the team list). */
export function isViewing(conversationId: string): boolean {
  return (
    currentPathname() === paths.conversation(conversationId) &&
    conversationStore.get().activeId === conversationId &&
    document.visibilityState === 'visible'
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
  alertNewBuyerMessage(message.conversationId, nick, previewOf(message), () => showConversation(message.conversationId));
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

// Runs after the modules' own listeners (platform/realtime onStreamFrame, e.g. customer.footprint).
function onFrame(frame: ServerFrame): void {
  switch (frame.type) {
    case 'message.created':
      onMessageCreated(frame.message);
      break;
    case 'conversation.updated':
      upsertSummary(frame.conversation);
      break;
    case 'conversation.typing_changed':
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
    case 'import.progressed':
      putImport(frame.import);
      break;
    case 'case.updated':
      // Agents get the full CaseView (the buyer's stream carries BuyerCaseView).
      if ('timeline' in frame.case) putCases([frame.case as CaseView]);
      break;
    case 'case.reminded':
      announceCaseReminder(frame.case, frame.assigneeId);
      break;
    case 'task.updated':
      putTask(frame.task);
      break;
    case 'approval.updated': {
      const wasPending = approvalStore.get().pending.some((a) => a.id === frame.approval.id);
      upsertApproval(frame.approval);
      const mine = frame.approval.requestedBy.id === getSession()?.agent.id;
      if (mine && frame.approval.status !== 'pending' && wasPending) announceOwnDecision(frame.approval);
      if (frame.approval.status === 'pending' && !wasPending) announceNewRequest(frame.approval);
      break;
    }
    default:
      break; // ready, synced, pong, ack: nothing to show
  }
}

function onReady(): void {
  sendFrame({ type: 'resume', cursors: resumeCursors() });
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
  openStream({ onFrame, onReady });
}
