const DRAFTS_KEY = 'golddesk.drafts';

// Drafts live in memory for speed and are mirrored to localStorage so a reload keeps them.
let drafts: Record<string, string> = (() => {
  try {
    return JSON.parse(localStorage.getItem(DRAFTS_KEY) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
})();
let saveTimer: number | undefined;

/** The unsent text for a conversation. */
export function getDraft(conversationId: string): string {
  return drafts[conversationId] ?? '';
}

/** Remembers the unsent text for a conversation (an empty text forgets it). */
export function setDraft(conversationId: string, text: string): void {
  if (text) drafts = { ...drafts, [conversationId]: text };
  else {
    const { [conversationId]: _removed, ...rest } = drafts;
    drafts = rest;
  }
  window.clearTimeout(saveTimer);
  saveTimer = window.setTimeout(() => localStorage.setItem(DRAFTS_KEY, JSON.stringify(drafts)), 300);
}

/** Writes pending drafts now (before the page unloads). */
export function flushDrafts(): void {
  window.clearTimeout(saveTimer);
  localStorage.setItem(DRAFTS_KEY, JSON.stringify(drafts));
}

window.addEventListener('beforeunload', flushDrafts);
