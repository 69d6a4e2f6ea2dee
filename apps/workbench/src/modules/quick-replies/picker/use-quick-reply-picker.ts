import { fillQuickReply, rankQuickReplies, type QuickReplyPreview, type QuickReplyVariables, type QuickReplyView } from '@golddesk/contracts';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { conversationVariables, listQuickReplies, recordQuickReplyUse } from '../quick-replies.api';

// The phrase list is shared by every composer and re-read at most this often; a buyer's variables likewise.
const PHRASES_TTL_MS = 60_000;
const VARIABLES_TTL_MS = 30_000;
const MAX_SHOWN = 8;

let phraseCache: { at: number; phrases: Promise<QuickReplyView[]> } | null = null;
const variableCache = new Map<string, { at: number; variables: Promise<QuickReplyVariables> }>();

function loadPhrases(): Promise<QuickReplyView[]> {
  if (!phraseCache || Date.now() - phraseCache.at > PHRASES_TTL_MS) {
    const phrases = listQuickReplies();
    phraseCache = { at: Date.now(), phrases };
    phrases.catch(() => (phraseCache = null));
  }
  return phraseCache.phrases;
}

function loadVariables(conversationId: string): Promise<QuickReplyVariables> {
  const cached = variableCache.get(conversationId);
  if (cached && Date.now() - cached.at <= VARIABLES_TTL_MS) return cached.variables;
  const variables = conversationVariables(conversationId);
  variableCache.set(conversationId, { at: Date.now(), variables });
  variables.catch(() => variableCache.delete(conversationId));
  return variables;
}

/** Forget the cached phrases (after the 快捷短语 section changed them). */
export function invalidateQuickReplyCache(): void {
  phraseCache = null;
}

/** `/` or `、` at the start or after a space, then the query up to the caret (no spaces). */
const TRIGGER = /(?:^|\s)([/、])([^\s/、]{0,20})$/;

interface Trigger {
  /** Where the `/` is, so inserting replaces `/code`. */
  start: number;
  end: number;
  query: string;
}

export interface QuickReplyPick {
  /** The text with the phrase (variables filled) in place of `/query`, and where the caret goes. */
  text: string;
  caret: number;
  phrase: QuickReplyView;
}

/** The `/` quick-reply popup of the chat box: trigger detection, ranking, keys, the filled preview and insertion. */
export function useQuickReplyPicker(conversationId: string, onPick: (pick: QuickReplyPick) => void) {
  const [trigger, setTrigger] = useState<Trigger | null>(null);
  const [phrases, setPhrases] = useState<QuickReplyView[] | null>(null);
  const [variables, setVariables] = useState<QuickReplyVariables | null>(null);
  const [active, setActive] = useState(0);
  const textRef = useRef('');

  const open = trigger !== null;
  useEffect(() => {
    if (!open) return;
    let live = true;
    void loadPhrases().then((list) => live && setPhrases(list), () => live && setPhrases([]));
    void loadVariables(conversationId).then((v) => live && setVariables(v), () => live && setVariables({ values: {}, missing: {}, orderId: null }));
    return () => {
      live = false;
    };
  }, [open, conversationId]);

  const matches = useMemo(() => (trigger && phrases ? rankQuickReplies(phrases, trigger.query).slice(0, MAX_SHOWN) : []), [trigger, phrases]);
  const highlighted = matches[Math.min(active, matches.length - 1)];
  const preview: QuickReplyPreview | null = useMemo(
    () => (highlighted && variables ? fillQuickReply(highlighted.content, variables) : null), [highlighted, variables]);

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

  function pick(phrase: QuickReplyView | undefined) {
    if (!trigger || !phrase) return;
    const filled = variables ? fillQuickReply(phrase.content, variables).text : phrase.content;
    const text = textRef.current.slice(0, trigger.start) + filled + textRef.current.slice(trigger.end);
    recordQuickReplyUse(phrase.id);
    // Rank it higher at once for this agent, without waiting for the next reload.
    setPhrases((list) => list?.map((p) => (p.id === phrase.id ? { ...p, myUses: p.myUses + 1, teamUses: p.teamUses + 1 } : p)) ?? null);
    void phraseCache?.phrases.then((list) => list.forEach((p) => p.id === phrase.id && (p.myUses += 1, p.teamUses += 1)));
    setTrigger(null);
    onPick({ text, caret: trigger.start + filled.length, phrase });
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
      if (!highlighted) {
        // Nothing matches: Enter falls through to sending, the popup goes away.
        close();
        return false;
      }
      event.preventDefault();
      pick(highlighted);
      return true;
    }
    return false;
  }

  return {
    open, query: trigger?.query ?? '', loading: phrases === null, matches, active: highlighted ? matches.indexOf(highlighted) : -1,
    preview, setActive, pick, close, update, onKeyDown,
  };
}

export type QuickReplyPickerState = ReturnType<typeof useQuickReplyPicker>;
