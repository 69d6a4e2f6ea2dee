/** Courier rules, carriers and notice settings are the shop's policy: the owner and managers set them; every agent reads them. */
export function mayEditLogisticsSettings(role: string): boolean {
  return role === 'owner' || role === 'manager';
}
