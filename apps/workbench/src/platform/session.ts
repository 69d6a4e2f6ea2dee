import type { AgentView } from '@golddesk/contracts';

/** What a signed-in agent keeps between reloads. */
export interface Session {
  token: string;
  /** ISO time the token stops working; null when the server did not say. */
  expiresAt: string | null;
  agent: AgentView;
  shop: { id: string; slug: string; name: string } | null;
}

const SESSION_KEY = 'golddesk.session';

type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();
let current: Session | null = readStored();

function readStored(): Session | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    // An expired token would only earn a 401 on the first call; drop it up front.
    if (session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) {
      localStorage.removeItem(SESSION_KEY);
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

/** The signed-in session, or null. */
export function getSession(): Session | null {
  if (current?.expiresAt && Date.parse(current.expiresAt) <= Date.now()) setSession(null);
  return current;
}

/** The stored session without side effects (safe as a React snapshot). */
export function peekSession(): Session | null {
  return current;
}

/** Stores (or with null, forgets) the session and tells subscribers. */
export function setSession(session: Session | null): void {
  current = session;
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else localStorage.removeItem(SESSION_KEY);
  for (const listener of listeners) listener(session);
}

/** Subscribes to sign-in / sign-out; returns the unsubscribe function. */
export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
