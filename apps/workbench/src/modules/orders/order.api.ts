import {
  can,
  type AuditEntry,
  type Capability,
  type CapabilityHolder,
  type OrderActionResponse,
  type OrderView,
  type ProductView,
} from '@golddesk/contracts';
import { ApiError, apiRequest } from '../../platform/api-client';
import { getProduct } from '../catalogue';
import { putOrders } from './order.store';

/** The order actions the server offers (POST /api/v1/orders/:id/<path>). */
export type OrderActionPath = 'change-price' | 'change-receiver' | 'change-sku' | 'memo' | 'close' | 'ship' | 'tracking-number';

/** What the UI gates on; the server decides (and answers 403/409 with a message). */
type ActionKey = 'changePrice' | 'changeAddress' | 'changeSku' | 'memo' | 'close';

// Mirrors the server's order state machine so the card only offers what will be accepted; who may is the capability table.
const ACTION_STATES: Record<ActionKey, readonly OrderView['status'][]> = {
  changePrice: ['pending_payment'],
  changeAddress: ['pending_payment', 'paid'],
  changeSku: ['pending_payment', 'paid'],
  memo: ['pending_payment', 'paid', 'shipped', 'signed', 'completed', 'closed'],
  close: ['pending_payment'],
};
const ACTION_CAPABILITIES: Record<ActionKey, Capability> = {
  changePrice: 'orders.change_price',
  changeAddress: 'orders.change_receiver',
  changeSku: 'orders.change_sku',
  memo: 'orders.set_memo',
  close: 'orders.close',
};

/** Why an action is not available for this order and agent (an i18n key), or null when it is. */
export function blockedReason(action: ActionKey, status: OrderView['status'], me: CapabilityHolder): 'state' | 'role' | null {
  if (!ACTION_STATES[action].includes(status)) return 'state';
  return can(me, ACTION_CAPABILITIES[action]) ? null : 'role';
}

/** Whether the agent may read an order's 操作记录 (the audit log). */
export function mayReadHistory(me: CapabilityHolder): boolean {
  return can(me, 'audit.read');
}

/** Runs one order action; `requestId` makes a retry of the same submit safe. Applied changes update the card at once. */
export async function runOrderAction(
  orderId: string,
  path: OrderActionPath,
  body: Record<string, unknown>,
): Promise<OrderActionResponse> {
  const answer = await apiRequest<OrderActionResponse>(`/api/v1/orders/${encodeURIComponent(orderId)}/${path}`, {
    method: 'POST',
    body,
  });
  if (answer.result === 'applied') putOrders([answer.order]);
  return answer;
}

/** One order as the server has it now (GET /api/v1/orders/:id), stored for every card that shows it. */
export async function fetchOrder(orderId: string, signal?: AbortSignal): Promise<OrderView> {
  const { order } = await apiRequest<{ order: OrderView }>(`/api/v1/orders/${encodeURIComponent(orderId)}`, { signal });
  putOrders([order]);
  return order;
}

/** The order's audit trail (操作记录), newest first. */
export async function listOrderAudit(orderId: string, signal?: AbortSignal): Promise<AuditEntry[]> {
  const answer = await apiRequest<{ entries: AuditEntry[] }>('/api/v1/audit', {
    query: { targetType: 'order', targetId: orderId, limit: 200 },
    signal,
  });
  return answer.entries;
}

/** The products of an order's lines (for 改规格), by id: a line whose product is gone or unknown is left out. */
export async function loadProductsOf(productIds: string[]): Promise<ProductView[]> {
  const ids = [...new Set(productIds.filter(Boolean))];
  const found: (ProductView | null)[] = await Promise.all(
    ids.map((id) =>
      getProduct(id).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
    ),
  );
  return found.filter((product): product is ProductView => product !== null);
}
