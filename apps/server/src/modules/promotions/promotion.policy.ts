/** Campaigns are the shop's policy: the owner and managers change them; every agent reads them. */
export function mayEditPromotions(role: string): boolean {
  return role === 'owner' || role === 'manager';
}
