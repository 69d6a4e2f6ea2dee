import { can, type AgentRole, type CapabilityHolder } from '@golddesk/contracts';
import type { OrderActionName } from './order.state-machine.js';

/** Whether the agent may run the order action: the `orders.<action>` rows of their role's column of the matrix. */
export function mayRunOrderAction(agent: CapabilityHolder, action: OrderActionName): boolean {
  return can(agent, `orders.${action}`);
}

/** Default 改价 limits: the share of the original total a role may take off without approval (other roles: 0). */
export const DEFAULT_DISCOUNT_LIMITS: Record<AgentRole, number> = {
  owner: 1,
  manager: 0.3,
  presale: 0.1,
  support: 0.05,
  aftersale: 0,
  trainee: 0,
};
