import type { QualityRule } from '@golddesk/contracts';
import { useEffect } from 'react';
import { peekSession } from '../../platform/session';
import { createStore, useStore } from '../../platform/store';
import { fetchQualityRules } from './quality.api';

// A manager's change reaches the other agents' chat boxes within this long (or at once on their next reload).
const FRESH_MS = 60_000;

interface RulesState {
  rules: QualityRule[] | null;
  fetchedAt: number;
  /** Whose rules they are: another sign-in (another shop, perhaps) loads its own. */
  token: string | null;
}

const store = createStore<RulesState>({ rules: null, fetchedAt: 0, token: null });
let loading: Promise<void> | null = null;

function refreshIfStale(): void {
  const token = peekSession()?.token ?? null;
  if (token !== store.get().token) store.set({ rules: null, fetchedAt: 0, token });
  if (loading || !token || Date.now() - store.get().fetchedAt < FRESH_MS) return;
  loading = fetchQualityRules()
    .then(({ rules }) => store.set({ rules, fetchedAt: Date.now(), token }))
    // The live check is a help: without the rules the chat box simply shows no hints, and tries again later.
    .catch(() => store.set((state) => ({ ...state, fetchedAt: Date.now() - FRESH_MS + 10_000 })))
    .finally(() => {
      loading = null;
    });
}

/** The shop's 质检 rules for the live check (null until loaded); fetched once and refreshed every minute of use. */
export function useQualityRules(): QualityRule[] | null {
  useEffect(refreshIfStale, []);
  return useStore(store, (state) => state.rules);
}

/** What the settings screen saved: the chat boxes of this workbench use it at once. */
export function publishQualityRules(rules: QualityRule[]): void {
  store.set({ rules, fetchedAt: Date.now(), token: peekSession()?.token ?? null });
}
