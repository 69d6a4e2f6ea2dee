import { can, type Capability } from '@golddesk/contracts';
import { AppError } from './errors.js';

/** Throws forbidden (403) unless the agent's role has the capability (CAPABILITIES in the contracts). */
export function requireCapability(agent: { role: string }, capability: Capability): void {
  if (!can(agent.role, capability)) throw new AppError('forbidden');
}
