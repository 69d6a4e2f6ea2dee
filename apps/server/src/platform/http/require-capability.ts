import { can, type Capability, type CapabilityHolder } from '@golddesk/contracts';
import { AppError } from './errors.js';

/** Throws forbidden (403) unless the agent has the capability (their role's column of the shop's matrix). */
export function requireCapability(agent: CapabilityHolder, capability: Capability): void {
  if (!can(agent, capability)) throw new AppError('forbidden');
}
