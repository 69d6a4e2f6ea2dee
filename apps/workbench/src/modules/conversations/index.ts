// Conversations: the contact list, each conversation's summary and messages (stores and API calls).
export { ContactList } from './ContactList';
export { WaitTimer } from './WaitTimer';
export { closeConversation, ensureConversation, loadConversations, markRead, takeConversation } from './conversation.api';
export {
  applyMessageToSummary,
  conversationStore,
  resetConversations,
  setActiveConversation,
  setActiveFilter,
  upsertSummary,
} from './conversation.store';
export { closeConfirmStore, setCloseConfirm } from './close-confirm.store';
export { IMAGE_TYPES, imageProblem, loadLatest, loadOlder, retryMessage, sendMessage, sendOrderCard } from './message.api';
export {
  EMPTY_CONVERSATION,
  mergeMessages,
  messageStore,
  resetMessages,
  resumeCursors,
  setConversationFlags,
  type PendingMessage,
} from './message.store';
export { openConversation, showConversation } from './show-conversation';
export { useTabTitle } from './use-tab-title';
