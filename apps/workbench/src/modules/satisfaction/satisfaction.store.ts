import type { SatisfactionRatingView, SatisfactionSettings } from '@golddesk/contracts';
import { useEffect } from 'react';
import { onStreamFrame } from '../../platform/realtime';
import { createStore, useStore } from '../../platform/store';
import { fetchConversationRatings, fetchSatisfactionSettings } from './satisfaction.api';

/** Each opened conversation's invitations and ratings, oldest first; kept live by the stream's satisfaction frames. */
export const ratingsStore = createStore<Record<string, SatisfactionRatingView[]>>({});
/** The shop's settings as last read (null until read): the 邀请评价 button shows while ratings are on. */
export const satisfactionSettingsStore = createStore<SatisfactionSettings | null>(null);

const requested = new Set<string>();
let settingsRequested = false;

/** Adds or replaces one rating in its conversation's list. */
export function putRating(rating: SatisfactionRatingView): void {
  ratingsStore.set((s) => {
    const list = s[rating.conversationId] ?? [];
    const rest = list.filter((r) => r.id !== rating.id);
    const next = [...rest, rating].sort((a, b) => a.invitedAt.localeCompare(b.invitedAt));
    return { ...s, [rating.conversationId]: next };
  });
}

async function load(conversationId: string): Promise<void> {
  try {
    const ratings = await fetchConversationRatings(conversationId);
    ratingsStore.set((s) => ({ ...s, [conversationId]: ratings }));
  } catch {
    requested.delete(conversationId); // tried again the next time the chat is opened
  }
}

/** A conversation's ratings, read once when the chat first shows (then the stream keeps them current). */
export function useConversationRatings(conversationId: string): SatisfactionRatingView[] | undefined {
  useEffect(() => {
    if (requested.has(conversationId)) return;
    requested.add(conversationId);
    void load(conversationId);
  }, [conversationId]);
  return useStore(ratingsStore, (s) => s[conversationId]);
}

/** The shop's satisfaction settings, read once per sign-in (the settings page puts what it saves). */
export function useSatisfactionSettings(): SatisfactionSettings | null {
  useEffect(() => {
    if (settingsRequested) return;
    settingsRequested = true;
    fetchSatisfactionSettings()
      .then((settings) => satisfactionSettingsStore.set(settings))
      .catch(() => (settingsRequested = false));
  }, []);
  return useStore(satisfactionSettingsStore, (s) => s);
}

/** Another agent signed in: nothing of the previous one's chats stays. */
export function resetRatings(): void {
  requested.clear();
  settingsRequested = false;
  ratingsStore.set({});
  satisfactionSettingsStore.set(null);
}

onStreamFrame((frame) => {
  if ((frame.type === 'satisfaction.invited' || frame.type === 'satisfaction.rated') && frame.rating) putRating(frame.rating);
  // Back after a break in the stream: what was rated meanwhile was not pushed; the open chats read theirs again.
  if (frame.type === 'ready') for (const id of Object.keys(ratingsStore.get())) void load(id);
});
