import { isBuiltInRole, type Capability, type RoleLimits, type RoleView, type UpdateRoleRequest } from '@golddesk/contracts';
import { inTransaction, type CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError, type Language } from '../../../platform/http/errors.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { recordAgentAudit } from '../../audit/index.js';
import { capabilitiesOf } from '../../auth/index.js';
import { limitsOf, readLimitTables, writeRoleLimits } from '../role-limits.js';
import { publishPermissionsChanged } from '../role.events.js';
import { assertGrantable, assertNameFree } from '../role.policy.js';
import { insertShopRole, listShopRoles, updateShopRole } from '../role.repository.js';
import { findRoleView } from '../queries/list-roles.js';

export interface UpdateRoleProps extends UpdateRoleRequest {
  /** The role: a built-in one or one of the shop's own (`custom-<id>`). */
  key: string;
  /** The answer's language (built-in roles' names). */
  language: Language;
}

/**
 * The owner changes a role's column of the matrix (its capabilities as a whole), its limits, or the name of a role of
 * the shop's own. The owner's column is never changed: nobody may lock the shop out. Applies to the role's agents on
 * their next request and on their open sockets, without signing out. Audited with what was granted and revoked.
 */
export async function updateRole(ctx: CommandContext<AgentPrincipal>, props: UpdateRoleProps): Promise<RoleView> {
  const { actor } = ctx;
  requireCapability(actor, 'team.manage_roles');
  if (props.key === 'owner') throw new AppError('role_locked');
  return inTransaction(ctx, async (inner) => {
    const { trx } = inner.transaction;
    const rows = await listShopRoles(trx, actor.shopId);
    const row = rows.find((r) => r.key === props.key);
    if (!isBuiltInRole(props.key) && !row) throw new AppError('not_found', { thing: 'role' });
    if (props.name !== undefined) {
      if (isBuiltInRole(props.key)) throw new AppError('role_built_in');
      assertNameFree(props.name, rows, props.key);
    }
    if (props.capabilities) assertGrantable(props.capabilities);

    const before = {
      name: row?.name ?? null,
      capabilities: capabilitiesOf(props.key, row?.capabilities_json ?? null),
      limits: limitsOf(props.key, await readLimitTables(trx, actor.shopId)),
    };
    const change = changeOf(before, props);
    if (!change) return (await findRoleView(trx, actor.shopId, props.key, props.language))!;

    const now = inner.app.now().toISOString();
    const stored = {
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.capabilities ? { capabilities_json: JSON.stringify(change.capabilities) } : {}),
    };
    if (row && Object.keys(stored).length > 0) await updateShopRole(trx, actor.shopId, props.key, { ...stored, updated_at: now });
    if (!row && change.capabilities) {
      // A built-in role's first change: its row holds the column from now on (its name stays the built-in one).
      await insertShopRole(trx, {
        shop_id: actor.shopId,
        key: props.key,
        name: null,
        capabilities_json: stored.capabilities_json!,
        created_at: now,
        updated_at: now,
      });
    }
    if (change.limits) await writeRoleLimits(trx, actor.shopId, props.key, change.limits);
    await recordAgentAudit(trx, actor, {
      action: 'role.updated',
      targetType: 'role',
      targetId: props.key,
      before: change.auditBefore,
      after: change.auditAfter,
      at: now,
    });
    const capabilities = change.capabilities ?? before.capabilities;
    inner.transaction.afterCommit(() =>
      publishPermissionsChanged(inner.app, { shopId: actor.shopId, role: props.key, capabilities }),
    );
    return (await findRoleView(trx, actor.shopId, props.key, props.language))!;
  });
}

interface RoleState {
  name: string | null;
  capabilities: readonly Capability[];
  limits: RoleLimits;
}

/** What actually changes (nothing: undefined), with the audit's before → after: granted, revoked, limits, name. */
function changeOf(before: RoleState, props: UpdateRoleRequest) {
  const name = props.name !== undefined && props.name.trim() !== before.name ? props.name.trim() : undefined;
  const had = new Set(before.capabilities);
  const wanted = props.capabilities ? new Set(props.capabilities) : had;
  const granted = [...wanted].filter((c) => !had.has(c));
  const revoked = [...had].filter((c) => !wanted.has(c));
  const capabilities = granted.length + revoked.length > 0 ? [...wanted] : undefined;
  const limitChanges = Object.fromEntries(
    Object.entries(props.limits ?? {}).filter(
      ([key, value]) => value !== undefined && before.limits[key as keyof RoleLimits] !== value,
    ),
  ) as Partial<RoleLimits>;
  const limits = Object.keys(limitChanges).length > 0 ? limitChanges : undefined;
  if (name === undefined && !capabilities && !limits) return undefined;
  const limitsBefore = limits
    ? Object.fromEntries(Object.keys(limits).map((key) => [key, before.limits[key as keyof RoleLimits]]))
    : undefined;
  return {
    name,
    capabilities,
    limits,
    auditBefore: { ...(name !== undefined ? { name: before.name } : {}), ...(limitsBefore ? { limits: limitsBefore } : {}) },
    auditAfter: {
      ...(name !== undefined ? { name } : {}),
      ...(capabilities ? { granted, revoked } : {}),
      ...(limits ? { limits } : {}),
    },
  };
}
