import { createStore, useStore } from './store';

/** The signed-in pages: the three-pane workbench and the shop's admin pages. */
export const VIEWS = [
  'workbench',
  'cases',
  'customers',
  'products',
  'logistics',
  'automation',
  'imports',
  'team',
  'settings',
] as const;
export type View = (typeof VIEWS)[number];

// The view lives in the URL hash (#/team) so reloads and the browser's back button keep working without a router.
const hashOf = (view: View) => (view === 'workbench' ? '' : `#/${view}`);

function viewFromUrl(): View {
  return VIEWS.find((view) => view !== 'workbench' && window.location.hash === hashOf(view)) ?? 'workbench';
}

const viewStore = createStore<View>(viewFromUrl());
window.addEventListener('popstate', () => viewStore.set(viewFromUrl()));

/** The page being shown now (not a React hook: safe in stream handlers). */
export function currentView(): View {
  return viewStore.get();
}

/** Shows `view`; `replace` swaps the history entry instead of adding one (used on sign-out). */
export function navigate(view: View, options: { replace?: boolean } = {}): void {
  if (viewFromUrl() !== view) {
    const url = `${window.location.pathname}${window.location.search}${hashOf(view)}`;
    if (options.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
  }
  viewStore.set(view);
}

/** The current view; re-renders on navigation. */
export function useView(): View {
  return useStore(viewStore, (view) => view);
}
