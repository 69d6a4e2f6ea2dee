import { randomBytes } from 'node:crypto';
import { isBuiltInRole, type CreateRoleRequest, type RoleView } from '@golddesk/contracts';
import { inTransaction, type CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError, type Language } from '../../../platform/http/errors.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { recordAgentAudit } from '../../audit/index.js';
import { capabilitiesOf } from '../../auth/index.js';
import { limitsOf, readLimitTables, writeRoleLimits } from '../role-limits.js';
import { publishPermissionsChanged } from '../role.events.js';
import { assertNameFree, grantableCopy } from '../role.policy.js';
import { findShopRole, insertShopRole, listShopRoles } from '../role.repository.js';
import { findRoleView } from '../queries/list-roles.js';

/**
 * The owner makes a role of the shop's own (e.g. 大促临时工 for Double 11): nothing granted, or a copy of another
 * role's grants and limits. Its key (`custom-<id>`) is what agents.role stores. Audited.
 */
export async function createRole(
  ctx: CommandContext<AgentPrincipal>,
  props: CreateRoleRequest & { language: Language },
): Promise<RoleView> {
  const { actor } = ctx;
  requireCapability(actor, 'team.manage_roles');
  const created = await inTransaction(ctx, async (inner) => {
    const { trx } = inner.transaction;
    const rows = await listShopRoles(trx, actor.shopId);
    assertNameFree(props.name, rows);
    let source: { capabilities: ReturnType<typeof grantableCopy>; limits: ReturnType<typeof limitsOf> } | undefined;
    if (props.copyFrom) {
      const from = isBuiltInRole(props.copyFrom) ? undefined : await findShopRole(trx, actor.shopId, props.copyFrom);
      if (!isBuiltInRole(props.copyFrom) && !from) throw new AppError('not_found', { thing: 'role' });
      source = {
        capabilities: grantableCopy(capabilitiesOf(props.copyFrom, from?.capabilities_json ?? null)),
        limits: limitsOf(props.copyFrom, await readLimitTables(trx, actor.shopId)),
      };
    }
    const key = `custom-${randomBytes(5).toString('hex')}`;
    const now = inner.app.now().toISOString();
    const capabilities = source?.capabilities ?? [];
    await insertShopRole(trx, {
      shop_id: actor.shopId,
      key,
      name: props.name.trim(),
      capabilities_json: JSON.stringify(capabilities),
      created_at: now,
      updated_at: now,
    });
    if (source) await writeRoleLimits(trx, actor.shopId, key, source.limits);
    await recordAgentAudit(trx, actor, {
      action: 'role.created',
      targetType: 'role',
      targetId: key,
      after: { name: props.name.trim(), copiedFrom: props.copyFrom ?? null, capabilities, limits: source?.limits ?? null },
      at: now,
    });
    inner.transaction.afterCommit(() => publishPermissionsChanged(inner.app, { shopId: actor.shopId, role: key, capabilities }));
    return (await findRoleView(trx, actor.shopId, key, props.language))!;
  });
  return created;
}
