/** The shop's 催付 policy (settings) is set by the owner and managers; every agent reads it and the figures. */
export function mayEditReminderSettings(role: string): boolean {
  return role === 'owner' || role === 'manager';
}

/** Phone/SMS follow-ups are support's work (辅助), with pre-sales and the managers able to help; after-sales is not involved. */
export function mayWorkReminderTasks(role: string): boolean {
  return role === 'support' || role === 'presale' || role === 'owner' || role === 'manager';
}
