// Finding the shop's data the way an agent does, through the HTTP API: tests look things up here instead of reading
// the tables, so they see what the workbench sees and keep working when the storage changes.
import type {
  ConversationSummary,
  CustomerProfile,
  CustomerRow,
  ListConversationsResponse,
  ListCustomersResponse,
  MeResponse,
  OrderResponse,
  OrderView,
} from '@golddesk/contracts';
import type { z } from 'zod';
import { api } from './clients.js';

/** The signed-in agent's shop (GET /api/v1/me). */
export async function shopOf(base: string, token: string): Promise<MeResponse['shop']> {
  const me = await api<MeResponse>(base, 'GET', '/api/v1/me', { token });
  if (me.status !== 200) throw new Error(`GET /api/v1/me: ${me.status} ${JSON.stringify(me.body)}`);
  return me.body.shop;
}

/** A customer as the right pane shows them: the buyer, their orders newest first, footprints and CRM. */
export async function customerProfile(base: string, token: string, buyerId: string): Promise<CustomerProfile> {
  const profile = await api<CustomerProfile>(base, 'GET', `/api/v1/customers/${buyerId}`, { token });
  if (profile.status !== 200) throw new Error(`customer ${buyerId}: ${profile.status} ${JSON.stringify(profile.body)}`);
  return profile.body;
}

/** Every row of the shop's 客户 list, page by page (filters as query parameters, e.g. `q=小雨`). */
export async function allCustomers(base: string, token: string, query = ''): Promise<CustomerRow[]> {
  const rows: CustomerRow[] = [];
  for (let page = 1; ; page++) {
    const listed = await api<ListCustomersResponse>(
      base,
      'GET',
      `/api/v1/customers?pageSize=100&page=${page}${query ? `&${query}` : ''}`,
      { token },
    );
    if (listed.status !== 200) throw new Error(`customers: ${listed.status} ${JSON.stringify(listed.body)}`);
    rows.push(...(listed.body.customers as CustomerRow[]));
    if (rows.length >= listed.body.total || listed.body.customers.length === 0) return rows;
  }
}

/** The customer with exactly this nick (the 客户 search finds it; throws when there is none). */
export async function customerByNick(base: string, token: string, nick: string): Promise<CustomerRow> {
  const found = (await allCustomers(base, token, `q=${encodeURIComponent(nick)}`)).find((row) => row.nick === nick);
  if (!found) throw new Error(`no customer ${nick}`);
  return found;
}

/** Each order of the shop with its buyer, as agents see them in the buyers' profiles (`query` filters the buyers). */
export async function allOrders(base: string, token: string, query = ''): Promise<{ buyer: CustomerRow; order: OrderView }[]> {
  const orders: { buyer: CustomerRow; order: OrderView }[] = [];
  for (const buyer of await allCustomers(base, token, query)) {
    for (const order of (await customerProfile(base, token, buyer.id)).orders) orders.push({ buyer, order });
  }
  return orders;
}

/** One order as agents see it (GET /api/v1/orders/:id). */
export async function orderView(base: string, token: string, orderId: string): Promise<OrderView> {
  const order = await api<z.infer<typeof OrderResponse>>(base, 'GET', `/api/v1/orders/${orderId}`, { token });
  if (order.status !== 200) throw new Error(`order ${orderId}: ${order.status} ${JSON.stringify(order.body)}`);
  return order.body.order as OrderView;
}

/** The shop's conversations as the contact list has them (`filter`: all, waiting or mine). */
export async function conversationsOf(base: string, token: string, filter = 'all'): Promise<ConversationSummary[]> {
  const listed = await api<ListConversationsResponse>(base, 'GET', `/api/v1/conversations?filter=${filter}&limit=500`, { token });
  if (listed.status !== 200) throw new Error(`conversations: ${listed.status} ${JSON.stringify(listed.body)}`);
  return listed.body.conversations as ConversationSummary[];
}
