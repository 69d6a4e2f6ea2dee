import { navigate, paths } from '../platform/navigation';
import { closeStream } from '../platform/realtime';
import { getSession, subscribeSession, type Session } from '../platform/session';

let currentAgent: string | null = getSession()?.agent.id ?? null;
/** The last agent signed in in this tab (kept while signed out). */
let lastAgent = currentAgent;
let expiryTimer: number | undefined;
scheduleExpiry(getSession());

/** The token stops working at expiresAt: go back to login then rather than on the next failed call. */
function scheduleExpiry(session: Session | null): void {
  window.clearTimeout(expiryTimer);
  if (!session?.expiresAt) return;
  const delay = Date.parse(session.expiresAt) - Date.now();
  // setTimeout overflows past ~24.8 days; such tokens are re-checked on the next reload instead.
  if (delay > 0 && delay < 2 ** 31 - 1) expiryTimer = window.setTimeout(() => getSession(), delay + 1000);
}

// Runs synchronously inside setSession, before React renders the next page: signing out (or a 401)
// closes the stream; workbench-session.ts, loaded with the workbench, forgets everything the previous agent saw.
subscribeSession((session) => {
  scheduleExpiry(session);
  const agentId = session?.agent.id ?? null;
  if (agentId === currentAgent) return;
  currentAgent = agentId;
  // Another agent at this desk starts on the workbench, not on the last one's page. The same agent back after a
  // sign-out or an expired token, or anyone signing in to open a colleague's link, goes where the address says.
  if (agentId && lastAgent && agentId !== lastAgent) navigate(paths.workbench, { replace: true });
  if (agentId) lastAgent = agentId;
  closeStream();
});
