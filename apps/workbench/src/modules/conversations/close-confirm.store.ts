import { createStore } from '../../platform/store';

/** The conversation whose 结束 confirmation is open (by a click or Alt+E), or null. */
export const closeConfirmStore = createStore<string | null>(null);

/** Opens (id) or dismisses (null) the 结束 confirmation. */
export function setCloseConfirm(conversationId: string | null): void {
  closeConfirmStore.set(conversationId);
}
