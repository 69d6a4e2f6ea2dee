import { defaultCapabilitiesOf, type AgentView } from '@golddesk/contracts';

/** What a signed-in agent keeps between reloads. */
export interface Session {
  token: string;
  /** ISO time the token stops working; null when the server did not say. */
  expiresAt: string | null;
  agent: AgentView;
  shop: { id: string; slug: string; name: string } | null;
  /**
   * What the agent may do: their role's column of the shop's permissions matrix, from sign-in and GET /api/v1/me (asked
   * again when the stream says the matrix changed). The workbench only offers what the server will accept.
   */
  capabilities: string[];
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
    // Kept by an older workbench: the role's defaults until GET /api/v1/me answers.
    session.capabilities ??= defaultCapabilitiesOf(session.agent.role);
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
