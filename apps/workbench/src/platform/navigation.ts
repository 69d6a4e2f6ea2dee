import type { ReactNode } from 'react';
import { createBrowserRouter, matchPath, useLocation, useParams, type DataRouter } from 'react-router';

/**
 * The workbench's addresses (react-router). The signed-in routes are declared once, in app/routes.tsx; this file holds
 * the router itself and thin helpers over it, so stream handlers and shortcuts (not React) can move between pages too.
 */
let router: DataRouter | null = null;

/** Creates the browser router with `root` (the app) on every path; app/routes.tsx matches below it. */
export function createAppRouter(root: ReactNode): DataRouter {
  router = createBrowserRouter([{ path: '*', element: root }]);
  return router;
}

const part = (value: string) => encodeURIComponent(value);

/** Every shareable address of the workbench, built in one place. */
export const paths = {
  /** The three-pane workbench (it opens the conversation the agent was last in). */
  workbench: '/',
  conversation: (conversationId: string) => `/conversations/${part(conversationId)}`,
  customer: (buyerId: string) => `/customers/${part(buyerId)}`,
  order: (orderId: string) => `/orders/${part(orderId)}`,
  case: (caseId: string) => `/cases/${part(caseId)}`,
  /** An admin page (`/team`), or one of its tabs or sections (`/settings/webhooks`). */
  page: (page: string, tab?: string) => (tab ? `/${page}/${part(tab)}` : `/${page}`),
};

const here = () => router?.state.location ?? window.location;

/** The path shown now, without its query (not a React hook: safe in stream handlers). */
export function currentPathname(): string {
  return here().pathname;
}

/** The value of `:param` in `pattern` (e.g. `/cases/:caseId`) for `pathname`, decoded; null when it does not match. */
export function paramOf(pattern: string, param: string, pathname: string): string | null {
  return matchPath(pattern, pathname)?.params[param] ?? null;
}

/**
 * Calls `listener` with the path now and after each finished move (a link, Back, `navigate`), straight from the
 * router: a store kept in step with the address this way never misses a move that React skipped rendering (a quick
 * Back right after a click lands on an address React still shows as current). Returns the unsubscribe.
 */
export function followPath(listener: (pathname: string) => void): () => void {
  if (!router) {
    listener(window.location.pathname);
    return () => {};
  }
  let last = router.state.location;
  listener(last.pathname);
  return router.subscribe((state) => {
    if (state.navigation.state !== 'idle' || state.location === last) return;
    last = state.location;
    listener(last.pathname);
  });
}

/** Goes to `to` (a path from `paths`); `replace` swaps the history entry instead of adding one. Same place: nothing. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === `${here().pathname}${here().search}`) return;
  if (router) void router.navigate(to, { replace: options.replace });
  else window.history[options.replace ? 'replaceState' : 'pushState'](null, '', to); // before the app started
}

/** The full link to `path` on this server, for a colleague (复制链接). */
export function linkTo(path: string): string {
  return new URL(path, window.location.origin).href;
}

/** A parameter of the current route (`:caseId`, `:buyerId` …), or null. */
export function useRouteParam(name: string): string | null {
  return useParams()[name] ?? null;
}

// Tab keys are camelCase in code (businessHours), kebab-case in addresses (/settings/business-hours).
const tabSegment = (key: string) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const tabKey = (segment: string) => segment.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/**
 * The tab (or section) of an admin page from its address (`/logistics/rules`), `fallback` without one, and a setter
 * that puts the tab in the address (replacing the entry: Back leaves the page rather than stepping through its tabs).
 */
export function usePageTab(fallback: string): [string, (tab: string) => void] {
  const tab = useRouteParam('tab');
  const page = useLocation().pathname.split('/')[1] ?? '';
  const select = (next: string) =>
    navigate(paths.page(page, next === fallback ? undefined : tabSegment(next)), { replace: true });
  return [tab ? tabKey(tab) : fallback, select];
}
