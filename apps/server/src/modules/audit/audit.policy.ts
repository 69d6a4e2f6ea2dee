/**
 * Who reads the audit log. It holds receivers' phones and addresses before and after changes, so it is for the
 * people who answer for the shop: the owner (everything as written) and managers (personal data masked: they need to
 * see that a receiver changed and who changed it, not the buyer's old address). Front-line roles get 403.
 */
export function mayReadAudit(role: string): boolean {
  return role === 'owner' || role === 'manager';
}

/** Whether the reader sees personal data (phones, addresses, receiver names) unmasked. */
export function seesPersonalData(role: string): boolean {
  return role === 'owner';
}
