import type { CustomerProfile } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

/** The buyer's profile, stats and orders for the right pane. */
export function fetchCustomer(buyerId: string, signal?: AbortSignal): Promise<CustomerProfile> {
  return apiRequest<CustomerProfile>(`/api/v1/customers/${encodeURIComponent(buyerId)}`, { signal });
}

/** Masks the middle of a phone number (138****5678) unless the server already did. */
export function maskPhone(phone: string | null): string {
  if (!phone) return '—';
  if (phone.includes('*')) return phone;
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return digits;
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
