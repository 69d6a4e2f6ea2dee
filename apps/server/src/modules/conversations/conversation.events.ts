import type { AppContext } from '../../platform/app-context.js';
import { presentConversation } from './conversation.presenter.js';
import { findConversationSummaries } from './conversation.repository.js';

/** Publishes `conversation.updated` with the fresh summary, after the change committed. */
export async function announceConversations(app: AppContext, shopId: string, ids: string[]) {
  const rows = await findConversationSummaries(app.storage.db, shopId, ids);
  for (const row of rows) {
    app.bus.publish({ type: 'conversation.updated', shopId, conversationId: row.id, conversation: presentConversation(row) });
  }
}
