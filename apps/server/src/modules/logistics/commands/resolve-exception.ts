import type { LogisticsExceptionView } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { recordAudit } from '../../audit/index.js';
import { closeException, findException } from '../exception.repository.js';

/** 处理: an agent closes an exception with what was done (called the courier, re-sent, refunded…): logistics.follow_up. */
export async function resolveException(
  ctx: CommandContext<AgentPrincipal>,
  id: string,
  props: { note: string },
): Promise<LogisticsExceptionView> {
  const { app, actor } = ctx;
  requireCapability(actor, 'logistics.follow_up');
  const now = app.now().toISOString();
  const resolved = await app.storage.db.transaction().execute(async (trx) => {
    const found = await findException(trx, actor.shopId, id);
    if (!found) throw new AppError('not_found', { thing: 'logistics_exception' });
    if (found.resolvedAt) throw new AppError('exception_resolved');
    if (!(await closeException(trx, actor.shopId, id, { id: actor.agentId, name: actor.name }, props.note || null, now))) {
      throw new AppError('exception_resolved');
    }
    await recordAudit(trx, {
      shopId: actor.shopId,
      actor: { kind: 'agent', id: actor.agentId, name: actor.name },
      action: 'logistics.exception_resolved',
      targetType: 'order',
      targetId: found.order.id,
      before: { kind: found.kind, detail: found.detail },
      after: { note: props.note || null },
      at: now,
    });
    return (await findException(trx, actor.shopId, id))!;
  });
  app.bus.publish({ type: 'logistics.exception_changed', shopId: actor.shopId, exception: resolved });
  return resolved;
}
