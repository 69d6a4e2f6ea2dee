/** Auto-reply rules speak for the shop: the owner and managers change them; every agent reads them and their hits. */
export function mayEditAutoReplies(role: string): boolean {
  return role === 'owner' || role === 'manager';
}
