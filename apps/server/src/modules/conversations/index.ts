/** The conversations module's door: conversations and their chat messages. The message writer is the only way a chat message is stored. */
export {
  MessageWriter,
  messageWriterOf,
  storeInTransaction,
  writeInTransaction,
  type MessageDraft,
  type WriteInTransaction,
} from './message-writer.js';
export { publishStoredMessages } from './message.events.js';
export { writeSystemMessage, type SystemMessageProps } from './commands/write-system-message.js';
export type { CompanionRow, StoredMessage } from './message.repository.js';
/** Seeding only (demo shop): a prepared history in the seed's own transaction, with no events to publish. */
export { storeMessageBatch as storeSeedMessages } from './message.repository.js';
export { limitBuyerMessages } from './buyer-message-limit.js';
export { markRead } from './commands/mark-read.js';
export { prepareMessage } from './commands/send-message.js';
export { announceConversations } from './conversation.events.js';
export { ensureBuyerConversation, findConversation, findConversationByBuyer } from './conversation.repository.js';
export { registerConversationRoutes } from './conversation.routes.js';
export { presentMessage } from './message.presenter.js';
export { isBuyerBlocked, listMessages } from './message.repository.js';
export { registerMessageRoutes } from './message.routes.js';
export { findConversationBuyerNick, summariseWaitingQueue } from './conversation.repository.js';
export { findLastBuyerText, findPreviousBuyerMessage, hasAgentMessageAfter } from './message.repository.js';
export { provideOrderCards, type FindOrderCard } from './order-cards.js';
export { listConversationIdsOfBlockedBuyers, listShopConversationIds } from './conversation.repository.js';
export { handleArrivalsWith, type BuyerArrival } from './conversation-arrivals.js';
export { insertAssignment, type AssignmentRow } from './conversation.repository.js';
