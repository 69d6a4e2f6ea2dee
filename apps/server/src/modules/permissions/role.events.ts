import type { Capability } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';

/**
 * After commit: every process updates the open sockets of the role (phone masking follows at once) and the shop's
 * agents hear `permissions.changed` (the role's agents refetch GET /api/v1/me; the matrix's viewers reload it).
 */
export function publishPermissionsChanged(
  app: AppContext,
  change: { shopId: string; role: string; capabilities: readonly Capability[] },
): void {
  app.bus.publish({ type: 'permissions.changed', ...change });
}
