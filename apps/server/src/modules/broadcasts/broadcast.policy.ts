/** Broadcasts reach many buyers at once: only the owner and managers create, start or cancel them; every agent reads them. */
export function mayManageBroadcasts(role: string): boolean {
  return role === 'owner' || role === 'manager';
}
