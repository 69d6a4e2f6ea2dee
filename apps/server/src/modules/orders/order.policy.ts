import { can, type AgentRole } from '@golddesk/contracts';
import type { OrderActionName } from './order.state-machine.js';

/** Whether the role may run the order action: the `orders.<action>` rows of the capability table. */
export function mayRunOrderAction(role: string, action: OrderActionName): boolean {
  return can(role, `orders.${action}`);
}

/** Default 改价 limits: the share of the original total a role may take off without approval. */
export const DEFAULT_DISCOUNT_LIMITS: Record<AgentRole, number> = {
  owner: 1,
  manager: 0.3,
  presale: 0.1,
  support: 0.05,
  aftersale: 0,
};
