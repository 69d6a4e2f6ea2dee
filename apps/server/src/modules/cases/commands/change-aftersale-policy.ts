import { can, type AftersalePolicy } from '@golddesk/contracts';
import { stringify } from 'safe-stable-stringify';
import { inTransaction, type CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/index.js';
import { readAftersalePolicy, writeAftersalePolicy } from '../case.policy.js';

/**
 * The owner or a manager changes the shop's 售后政策, audited with before and after. Each role's goodwill limit is
 * the owner's alone to change; a freeze must end on or after its first day.
 */
export async function changeAftersalePolicy(
  ctx: CommandContext<AgentPrincipal>,
  policy: AftersalePolicy,
): Promise<AftersalePolicy> {
  const { app, actor } = ctx;
  if (!can(actor, 'cases.configure_policy')) throw new AppError('forbidden');
  for (const freeze of policy.refundFreezes) {
    if (freeze.from > freeze.to) throw new AppError('invalid_input', { detail: `refundFreezes: ${freeze.from} > ${freeze.to}` });
  }
  return inTransaction(ctx, async ({ transaction: { trx } }) => {
    const before = await readAftersalePolicy(trx, actor.shopId);
    const limitsChanged = stringify(before.compensationLimitsFen) !== stringify(policy.compensationLimitsFen);
    if (limitsChanged && !can(actor, 'cases.set_authority')) throw new AppError('forbidden');
    await writeAftersalePolicy(trx, actor.shopId, policy);
    await recordAudit(trx, {
      shopId: actor.shopId,
      actor: { kind: 'agent', id: actor.agentId, name: actor.name },
      action: 'aftersale_policy.changed',
      targetType: 'shop',
      targetId: actor.shopId,
      before: { ...before },
      after: { ...policy },
      at: app.now().toISOString(),
    });
    return readAftersalePolicy(trx, actor.shopId);
  });
}
