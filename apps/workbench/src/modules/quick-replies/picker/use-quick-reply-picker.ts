import {
  fillQuickReply,
  rankQuickReplies,
  type QuickReplyPreview,
  type QuickReplyVariables,
  type QuickReplyView,
} from '@golddesk/contracts';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { NO_VARIABLES, countPhraseUse, insertPhrase, loadPhrases, loadVariables, useLastBuyerSeq } from './phrase-source';

export { invalidateQuickReplyCache } from './phrase-source';

/** `/` or `、` at the start or after a space, then the query up to the caret (no spaces). */
const TRIGGER = /(?:^|\s)([/、])([^\s/、]{0,20})$/;

interface Trigger {
  /** Where the `/` is, so inserting replaces `/code`. */
  start: number;
  end: number;
  query: string;
}

export interface QuickReplyPick {
  /** The text with the phrase (variables filled) in place of `/query`. */
  text: string;
  /** What to select afterwards: a {变量} still to fill, or the caret (caret = selectionEnd) after the phrase. */
  caret: number;
  selectionEnd: number;
  phrase: QuickReplyView;
}

/**
 * The `/` quick-reply popup of the chat box: trigger detection, ranking (fillable for this buyer first, then the
 * code typed in Chinese, pinyin or initials, then the buyer's last words), keys, the filled preview and insertion.
 */
export function useQuickReplyPicker(conversationId: string, onPick: (pick: QuickReplyPick) => void) {
  const [trigger, setTrigger] = useState<Trigger | null>(null);
  const [phrases, setPhrases] = useState<QuickReplyView[] | null>(null);
  const [variables, setVariables] = useState<QuickReplyVariables | null>(null);
  const [active, setActive] = useState(0);
  const textRef = useRef('');
  const buyerSeq = useLastBuyerSeq(conversationId);

  const open = trigger !== null;
  useEffect(() => {
    if (!open) return;
    let live = true;
    void loadPhrases().then(
      (list) => live && setPhrases(list),
      () => live && setPhrases([]),
    );
    void loadVariables(conversationId, buyerSeq).then(
      (v) => live && setVariables(v),
      () => live && setVariables(NO_VARIABLES),
    );
    return () => {
      live = false;
    };
  }, [open, conversationId, buyerSeq]);

  // Every match is listed (the list scrolls); ranking waits for the variables so the order does not jump.
  const matches = useMemo(
    () => (trigger && phrases && variables ? rankQuickReplies(phrases, trigger.query, { variables }) : []),
    [trigger, phrases, variables],
  );
  const missing = useMemo(
    () => new Map(matches.map((p) => [p.id, variables ? fillQuickReply(p.content, variables).missing.map((m) => m.name) : []])),
    [matches, variables],
  );
  const highlighted = matches[Math.min(active, matches.length - 1)];
  const preview: QuickReplyPreview | null = useMemo(
    () => (highlighted && variables ? fillQuickReply(highlighted.content, variables) : null),
    [highlighted, variables],
  );

  /** Call on every change of the input with the caret position. */
  function update(text: string, caret: number) {
    textRef.current = text;
    const match = TRIGGER.exec(text.slice(0, caret));
    if (!match) return setTrigger(null);
    const start = caret - match[2]!.length - 1;
    setTrigger((previous) => {
      if (previous?.query !== match[2]) setActive(0);
      return { start, end: caret, query: match[2]! };
    });
  }

  function close() {
    setTrigger(null);
  }

  function counted(phrase: QuickReplyView) {
    countPhraseUse(phrase);
    // Rank it higher at once for this agent, without waiting for the next reload.
    setPhrases(
      (list) => list?.map((p) => (p.id === phrase.id ? { ...p, myUses: p.myUses + 1, teamUses: p.teamUses + 1 } : p)) ?? null,
    );
  }

  function pick(phrase: QuickReplyView | undefined) {
    if (!trigger || !phrase) return;
    const inserted = insertPhrase(textRef.current, trigger.start, trigger.end, phrase, variables);
    counted(phrase);
    setTrigger(null);
    onPick({ text: inserted.text, caret: inserted.selection[0], selectionEnd: inserted.selection[1], phrase });
  }

  /** Inserts a phrase chosen elsewhere (the side panel) at the input's caret, filled for this buyer. */
  async function insertAtCaret(phrase: QuickReplyView, area: HTMLTextAreaElement | null | undefined) {
    const text = area?.value ?? textRef.current;
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? start;
    const filled = await loadVariables(conversationId, buyerSeq).catch(() => NO_VARIABLES);
    const inserted = insertPhrase(text, start, end, phrase, filled);
    countPhraseUse(phrase);
    textRef.current = inserted.text;
    onPick({ text: inserted.text, caret: inserted.selection[0], selectionEnd: inserted.selection[1], phrase });
  }

  /** Handles ↑ ↓ Enter Tab Esc while the popup is open; returns true when the key was used. */
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!open || event.nativeEvent.isComposing || event.keyCode === 229) return false;
    const move = (delta: number) => {
      event.preventDefault();
      if (matches.length) setActive((i) => (Math.min(i, matches.length - 1) + delta + matches.length) % matches.length);
      return true;
    };
    if (event.key === 'ArrowDown') return move(1);
    if (event.key === 'ArrowUp') return move(-1);
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return true;
    }
    if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      // Enter in an open picker picks; with nothing (yet) to pick it does nothing: "/发票" never goes to the buyer.
      event.preventDefault();
      pick(highlighted);
      return true;
    }
    return false;
  }

  return {
    open,
    query: trigger?.query ?? '',
    loading: phrases === null || variables === null,
    matches,
    missing,
    active: highlighted ? matches.indexOf(highlighted) : -1,
    preview,
    setActive,
    pick,
    insertAtCaret,
    close,
    update,
    onKeyDown,
  };
}

export type QuickReplyPickerState = ReturnType<typeof useQuickReplyPicker>;
