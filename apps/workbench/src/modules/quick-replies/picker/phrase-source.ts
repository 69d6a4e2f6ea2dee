import { fillQuickReply, findUnfilledVariables, type QuickReplyVariables, type QuickReplyView } from '@golddesk/contracts';
import { useStore } from '../../../platform/store';
import { messageStore } from '../../conversations';
import { conversationVariables, listQuickReplies, recordQuickReplyUse } from '../quick-replies.api';

// The phrase list is shared by every composer and re-read at most this often; a buyer's variables likewise,
// and at once after the buyer writes again (their words rank the phrases).
const PHRASES_TTL_MS = 60_000;
const VARIABLES_TTL_MS = 30_000;

let phraseCache: { at: number; phrases: Promise<QuickReplyView[]> } | null = null;
const variableCache = new Map<string, { at: number; key: string; variables: Promise<QuickReplyVariables> }>();

export const NO_VARIABLES: QuickReplyVariables = { values: {}, missing: {}, orderId: null };

/** Every phrase the agent may use (team and their own), ranked by the server. */
export function loadPhrases(): Promise<QuickReplyView[]> {
  if (!phraseCache || Date.now() - phraseCache.at > PHRASES_TTL_MS) {
    const phrases = listQuickReplies();
    phraseCache = { at: Date.now(), phrases };
    phrases.catch(() => (phraseCache = null));
  }
  return phraseCache.phrases;
}

/** The conversation's variables and the buyer's situation, as of the buyer's message `buyerSeq`. */
export function loadVariables(conversationId: string, buyerSeq: number): Promise<QuickReplyVariables> {
  const key = String(buyerSeq);
  const cached = variableCache.get(conversationId);
  if (cached && cached.key === key && Date.now() - cached.at <= VARIABLES_TTL_MS) return cached.variables;
  const variables = conversationVariables(conversationId);
  variableCache.set(conversationId, { at: Date.now(), key, variables });
  variables.catch(() => variableCache.delete(conversationId));
  return variables;
}

/** Forget the cached phrases (after the 快捷短语 section changed them). */
export function invalidateQuickReplyCache(): void {
  phraseCache = null;
}

/** The seq of the buyer's newest message in the conversation (0 when none is loaded). */
export function useLastBuyerSeq(conversationId: string): number {
  return useStore(messageStore, (state) => {
    const messages = state[conversationId]?.messages ?? [];
    for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.sender === 'buyer') return messages[i]!.seq;
    return 0;
  });
}

/** Counts a use on the server and at once in the cached list, so the phrase ranks higher without a reload. */
export function countPhraseUse(phrase: QuickReplyView): void {
  recordQuickReplyUse(phrase.id);
  void phraseCache?.phrases.then((list) => list.forEach((p) => p.id === phrase.id && ((p.myUses += 1), (p.teamUses += 1))));
}

export interface PhraseInsertion {
  /** The whole new text of the input. */
  text: string;
  /** What to select afterwards: the first {变量} still to fill, else an empty range at the end of the phrase. */
  selection: [number, number];
}

/**
 * Puts a phrase, filled for this buyer, in place of text[start, end). A variable that could not be filled stays as
 * {名称} and is selected, so the agent types its value over it (the composer will not send it as it is).
 */
export function insertPhrase(
  text: string,
  start: number,
  end: number,
  phrase: QuickReplyView,
  variables: QuickReplyVariables | null,
): PhraseInsertion {
  const filled = variables ? fillQuickReply(phrase.content, variables).text : phrase.content;
  const next = text.slice(0, start) + filled + text.slice(end);
  const unfilled = findUnfilledVariables(filled)[0];
  const selection: [number, number] = unfilled
    ? [start + unfilled.start, start + unfilled.end]
    : [start + filled.length, start + filled.length];
  return { text: next, selection };
}
