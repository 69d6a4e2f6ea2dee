import { FINAL_CASE_STATES, type CaseView } from '@golddesk/contracts';
import { createStore, useStore } from '../../platform/store';

/**
 * The freshest copy of every case the agent has seen (lists, answers, `case.updated` frames). Lists filter this store
 * rather than keeping copies, so a frame updates the right pane, the 售后 page and the open case view at once.
 */
export const caseStore = createStore<Record<string, CaseView>>({});

/** The case shown in the case view (a drawer beside the chat), or null. */
export const caseViewStore = createStore<string | null>(null);

/** Stores cases as just read; an older copy (a late frame) never replaces a newer one. */
export function putCases(cases: CaseView[]): void {
  if (cases.length === 0) return;
  caseStore.set((state) => {
    let next: Record<string, CaseView> | null = null;
    for (const item of cases) {
      const known = state[item.id];
      if (known && known.updatedAt > item.updatedAt) continue;
      next ??= { ...state };
      next[item.id] = item;
    }
    return next ?? state;
  });
}

export function resetCases(): void {
  caseStore.set({});
  caseViewStore.set(null);
}

/** Shows a case in the case view. */
export function openCaseView(caseId: string): void {
  caseViewStore.set(caseId);
}

export function closeCaseView(): void {
  caseViewStore.set(null);
}

export function useCase(caseId: string | null): CaseView | undefined {
  return useStore(caseStore, (state) => (caseId ? state[caseId] : undefined));
}

/** Not completed, rejected or cancelled. */
export function isOpenCase(item: CaseView): boolean {
  return !FINAL_CASE_STATES.includes(item.state);
}

let lastState: Record<string, CaseView> | null = null;
const selections = new Map<string, CaseView[]>();

/**
 * The stored cases `keep` accepts, newest first, as a stable array (re-computed only when the store changes), so a
 * component re-renders only when a case changed. `key` names the selection (one cache entry per distinct filter).
 */
export function useCases(key: string, keep: (item: CaseView) => boolean): CaseView[] {
  return useStore(caseStore, (state) => {
    if (state !== lastState) {
      lastState = state;
      selections.clear();
    }
    let list = selections.get(key);
    if (!list) {
      list = Object.values(state)
        .filter(keep)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      selections.set(key, list);
    }
    return list;
  });
}
