/** Owners and managers edit the catalogue; every agent reads it (and sends product cards). */
export function mayEditCatalogue(role: string): boolean {
  return role === 'owner' || role === 'manager';
}
