/** The messages module's door: the message writer (the only way a chat message is stored) and what it publishes. */
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
