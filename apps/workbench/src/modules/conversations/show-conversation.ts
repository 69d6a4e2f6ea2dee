import { navigate, paths } from '../../platform/navigation';
import { ensureConversation } from './conversation.api';
import { setActiveConversation } from './conversation.store';

/** Shows a loaded conversation in the workbench, from any page, at its own address (/conversations/:id). */
export function showConversation(conversationId: string): void {
  setActiveConversation(conversationId);
  navigate(paths.conversation(conversationId));
}

/** Loads the conversation when it is not known yet (a search hit, a review, a parcel), then shows it. */
export async function openConversation(conversationId: string): Promise<void> {
  await ensureConversation(conversationId);
  showConversation(conversationId);
}
