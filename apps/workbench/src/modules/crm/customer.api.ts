import { phoneForRole, type CustomerProfile } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

/** The buyer's profile, stats and orders for the right pane. */
export function fetchCustomer(buyerId: string, signal?: AbortSignal): Promise<CustomerProfile> {
  return apiRequest<CustomerProfile>(`/api/v1/customers/${encodeURIComponent(buyerId)}`, { signal });
}

/**
 * A phone number as this agent's role may see it (the server already presents it so; 售前 sees 138****5678, the
 * roles that call buyers see it in full: contracts' phoneForRole); — for none.
 */
export function shownPhone(phone: string | null, role: string): string {
  return phone ? phoneForRole(phone, role) : '—';
}
