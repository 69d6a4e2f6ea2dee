import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { recordAudit } from '../../audit/index.js';
import { findOrderWithItems } from '../../orders/index.js';
import { insertTrackingEvent } from '../tracking.repository.js';

/** An agent's note on the parcel's timeline (e.g. after calling the courier); internal, the buyer is not told. */
export async function addTrackingNote(
  ctx: CommandContext<AgentPrincipal>,
  orderId: string,
  props: { description: string; location?: string },
) {
  const { app, actor } = ctx;
  requireCapability(actor, 'logistics.follow_up');
  const now = app.now().toISOString();
  await app.storage.db.transaction().execute(async (trx) => {
    const found = await findOrderWithItems(trx, actor.shopId, orderId);
    if (!found) throw new AppError('not_found', { thing: 'order' });
    const { order } = found;
    await insertTrackingEvent(trx, {
      shopId: actor.shopId,
      orderId,
      carrier: order.carrier,
      trackingNo: order.tracking_no,
      status: 'note',
      description: `${props.description}（${actor.name}）`,
      location: props.location || null,
      occurredAt: now,
      createdAt: now,
    });
    await recordAudit(trx, {
      shopId: actor.shopId,
      actor: { kind: 'agent', id: actor.agentId, name: actor.name },
      action: 'order.tracking_noted',
      targetType: 'order',
      targetId: orderId,
      before: null,
      after: { note: props.description },
      at: now,
    });
  });
}
