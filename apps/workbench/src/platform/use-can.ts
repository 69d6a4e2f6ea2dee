import { can, type Capability } from '@golddesk/contracts';
import { useSyncExternalStore } from 'react';
import { getSession, peekSession, subscribeSession } from './session';

/**
 * Whether the signed-in agent may do something: their role's column of the shop's permissions matrix (the session's
 * capabilities). Re-renders when it changes, so buttons appear and disappear without a reload.
 */
export function useCan(): (capability: Capability) => boolean {
  const session = useSyncExternalStore(subscribeSession, peekSession);
  return (capability) => session !== null && can(session, capability);
}

/** The same outside React (an event handler, a store): what the session says now. */
export function canNow(capability: Capability): boolean {
  const session = getSession();
  return session !== null && can(session, capability);
}

const NOBODY = { capabilities: [] as string[] };

/** The signed-in agent as a capability holder (nobody when signed out), for helpers that decide outside the hook. */
export function useMe(): { capabilities: readonly string[] } {
  return useSyncExternalStore(subscribeSession, peekSession) ?? NOBODY;
}
