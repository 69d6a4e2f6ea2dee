import { maskPhone as maskPhoneNumber, type CustomerProfile } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

/** The buyer's profile, stats and orders for the right pane. */
export function fetchCustomer(buyerId: string, signal?: AbortSignal): Promise<CustomerProfile> {
  return apiRequest<CustomerProfile>(`/api/v1/customers/${encodeURIComponent(buyerId)}`, { signal });
}

/** Masks the middle of a phone number (138****5678, the server's masking) unless the server already did; — for none. */
export function maskPhone(phone: string | null): string {
  return phone ? maskPhoneNumber(phone) : '—';
}
