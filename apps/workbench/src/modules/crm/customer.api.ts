import { maskPhone, type CustomerProfile, type ListCustomersResponse } from '@golddesk/contracts';
import { apiRequest } from '../../platform/api-client';

/** The buyer's profile, stats and orders for the right pane. */
export function fetchCustomer(buyerId: string, signal?: AbortSignal): Promise<CustomerProfile> {
  return apiRequest<CustomerProfile>(`/api/v1/customers/${encodeURIComponent(buyerId)}`, { signal });
}

/**
 * The buyer's latest conversation, or null: the profile does not carry it, the 客户 list does (found by nick, the one
 * search the list offers; at most 50 characters are searched).
 */
export async function findConversationOf(buyerId: string, nick: string, signal?: AbortSignal): Promise<string | null> {
  const answer = await apiRequest<ListCustomersResponse>('/api/v1/customers', {
    signal,
    query: { q: nick.slice(0, 50), sort: 'recent', page: 1, pageSize: 100 },
  });
  return answer.customers.find((row) => row.id === buyerId)?.conversationId ?? null;
}

/**
 * A phone number as this agent may see it (`full`: buyers.see_full_phone; the server already presents it so: 售前 sees
 * 138****5678, the roles that call buyers see it in full); — for none.
 */
export function shownPhone(phone: string | null, full: boolean): string {
  return phone ? (full ? phone : maskPhone(phone)) : '—';
}
