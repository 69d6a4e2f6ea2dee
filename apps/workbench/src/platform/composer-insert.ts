import { useEffect, useRef } from 'react';
import { createStore } from './store';

interface InsertRequest {
  conversationId: string;
  text: string;
}

// One request at a time: the composer of that conversation takes it when it is (or next gets) mounted.
const pending = createStore<InsertRequest | null>(null);

/**
 * Asks the chat box of `conversationId` to insert `text` at its caret (a phrase picked outside the composer, e.g. the
 * complaint guide in the case view). Modules other than chat use this rather than reaching into the composer.
 */
export function requestComposerInsert(conversationId: string, text: string): void {
  pending.set({ conversationId, text });
}

/** The composer's side: `insert` runs for each request addressed to its conversation. */
export function useComposerInsert(conversationId: string, insert: (text: string) => void): void {
  // The composer's function is new each render; the subscription follows the conversation only.
  const latest = useRef(insert);
  latest.current = insert;
  useEffect(() => {
    const take = () => {
      const request = pending.get();
      if (request?.conversationId !== conversationId) return;
      pending.set(null);
      latest.current(request.text);
    };
    take();
    return pending.subscribe(take);
  }, [conversationId]);
}
