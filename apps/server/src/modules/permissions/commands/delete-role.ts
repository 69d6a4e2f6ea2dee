import { isBuiltInRole } from '@golddesk/contracts';
import { inTransaction, type CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { recordAgentAudit } from '../../audit/index.js';
import { capabilitiesOf } from '../../auth/index.js';
import { forgetRoleLimits } from '../role-limits.js';
import { publishPermissionsChanged } from '../role.events.js';
import { countAgentsByRole, deleteShopRole, findShopRole } from '../role.repository.js';

/**
 * The owner deletes a role of the shop's own, with its limits. Refused while agents hold it (disabled ones too: they
 * would come back with a role that no longer exists); built-in roles stay. Audited.
 */
export async function deleteRole(ctx: CommandContext<AgentPrincipal>, key: string): Promise<void> {
  const { actor } = ctx;
  requireCapability(actor, 'team.manage_roles');
  if (isBuiltInRole(key)) throw new AppError('role_built_in');
  await inTransaction(ctx, async (inner) => {
    const { trx } = inner.transaction;
    const row = await findShopRole(trx, actor.shopId, key);
    if (!row) throw new AppError('not_found', { thing: 'role' });
    const holders = (await countAgentsByRole(trx, actor.shopId)).get(key) ?? 0;
    if (holders > 0) throw new AppError('role_in_use', { count: holders });
    await deleteShopRole(trx, actor.shopId, key);
    await forgetRoleLimits(trx, actor.shopId, key);
    await recordAgentAudit(trx, actor, {
      action: 'role.deleted',
      targetType: 'role',
      targetId: key,
      before: { name: row.name, capabilities: capabilitiesOf(key, row.capabilities_json) },
      at: inner.app.now().toISOString(),
    });
    inner.transaction.afterCommit(() =>
      publishPermissionsChanged(inner.app, { shopId: actor.shopId, role: key, capabilities: [] }),
    );
  });
}
