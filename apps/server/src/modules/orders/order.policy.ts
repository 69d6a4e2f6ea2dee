import type { AgentRole } from '@golddesk/contracts';
import type { OrderActionName } from './order.state-machine.js';

/** Which roles may run each order action. After-sales takes order edits on peak days, so all may edit. */
const ACTION_ROLES: Record<OrderActionName, readonly AgentRole[]> = {
  change_price: ['owner', 'manager', 'presale', 'support'],
  change_receiver: ['owner', 'manager', 'presale', 'aftersale', 'support'],
  change_sku: ['owner', 'manager', 'presale', 'aftersale', 'support'],
  set_memo: ['owner', 'manager', 'presale', 'aftersale', 'support'],
  close: ['owner', 'manager', 'presale', 'support'],
  // 发货 is the warehouse's and after-sales' work; pre-sales does not ship.
  ship: ['owner', 'manager', 'aftersale', 'support'],
  update_tracking: ['owner', 'manager', 'aftersale', 'support'],
};

export function mayRunOrderAction(role: string, action: OrderActionName): boolean {
  return ACTION_ROLES[action].includes(role as AgentRole);
}

/** Default 改价 limits: the share of the original total a role may take off without approval. */
export const DEFAULT_DISCOUNT_LIMITS: Record<AgentRole, number> = {
  owner: 1, manager: 0.3, presale: 0.1, support: 0.05, aftersale: 0,
};

/** Roles that decide approval requests. */
export function mayDecideApprovals(role: string): boolean {
  return role === 'owner' || role === 'manager';
}
