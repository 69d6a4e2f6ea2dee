import type { SegmentFilter } from '@golddesk/contracts';
import type { AppContext, CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordAudit } from '../../audit/index.js';
import { findSegment, listMatchingBuyers } from '../../crm/index.js';
import {
  findBroadcast,
  insertRecipients,
  listOptedOutBuyerIds,
  MAX_RECIPIENTS,
  skipPendingRecipients,
  updateBroadcastFilter,
  updateBroadcastInStatus,
} from '../broadcast.repository.js';
import { auditActor, parseSchedule, requireManager } from './save-broadcast.js';

/**
 * Starts a draft: it becomes `scheduled` for the given time (or its saved one, or now). The job scheduler
 * snapshots the recipients once the time has come (see snapshotRecipients) and sends in throttled batches.
 */
export async function startBroadcast(
  ctx: CommandContext<AgentPrincipal>,
  id: string,
  scheduledAt?: string | null,
): Promise<void> {
  requireManager(ctx.actor);
  const now = ctx.app.now();
  await ctx.app.storage.db.transaction().execute(async (trx) => {
    const before = await findBroadcast(trx, ctx.actor.shopId, id);
    if (!before) throw new AppError('not_found', { thing: 'broadcast' });
    if (before.status !== 'draft') throw new AppError('broadcast_not_draft');
    const wanted = scheduledAt === undefined ? before.scheduled_at : parseSchedule(scheduledAt);
    const at = wanted && Date.parse(wanted) > now.getTime() ? wanted : now.toISOString();
    await updateBroadcastInStatus(trx, id, 'draft', { status: 'scheduled', scheduled_at: at, updated_at: now.toISOString() });
    await recordAudit(trx, {
      shopId: ctx.actor.shopId,
      actor: auditActor(ctx.actor),
      action: 'broadcast.started',
      targetType: 'broadcast',
      targetId: id,
      before: { status: 'draft' },
      after: { status: 'scheduled', scheduledAt: at },
      at: now.toISOString(),
    });
  });
}

/** Cancels a broadcast that has not finished: nobody still pending gets it (they are skipped as 'cancelled'). */
export async function cancelBroadcast(ctx: CommandContext<AgentPrincipal>, id: string): Promise<void> {
  requireManager(ctx.actor);
  const now = ctx.app.now().toISOString();
  await ctx.app.storage.db.transaction().execute(async (trx) => {
    const before = await findBroadcast(trx, ctx.actor.shopId, id);
    if (!before) throw new AppError('not_found', { thing: 'broadcast' });
    if (before.status === 'done' || before.status === 'cancelled') throw new AppError('broadcast_finished');
    const changed = await updateBroadcastInStatus(trx, id, before.status, {
      status: 'cancelled',
      finished_at: now,
      updated_at: now,
    });
    if (!changed) throw new AppError('broadcast_finished');
    await skipPendingRecipients(trx, id, 'cancelled');
    await recordAudit(trx, {
      shopId: ctx.actor.shopId,
      actor: auditActor(ctx.actor),
      action: 'broadcast.cancelled',
      targetType: 'broadcast',
      targetId: id,
      before: { status: before.status },
      after: { status: 'cancelled' },
      at: now,
    });
  });
}

/**
 * The moment a scheduled broadcast is due: one transaction turns it `sending` (only from `scheduled`, so one
 * process does it) and writes one recipient row per member of the segment as it is now — blacklisted and
 * opted-out buyers are written as skipped with their reason, so the figures show who was left out and why.
 */
export async function snapshotRecipients(app: AppContext, props: { shopId: string; broadcastId: string }): Promise<boolean> {
  const now = app.now();
  return app.storage.db.transaction().execute(async (trx) => {
    const broadcast = await findBroadcast(trx, props.shopId, props.broadcastId);
    if (
      !broadcast ||
      broadcast.status !== 'scheduled' ||
      !broadcast.scheduled_at ||
      Date.parse(broadcast.scheduled_at) > now.getTime()
    )
      return false;
    const claimed = await updateBroadcastInStatus(trx, broadcast.id, 'scheduled', {
      status: 'sending',
      started_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    if (!claimed) return false;
    // The segment as saved now (it may have been edited since the draft); the inline filter otherwise.
    const segment = broadcast.segment_id ? await findSegment(trx, props.shopId, broadcast.segment_id) : undefined;
    const filterJson = segment?.filter_json ?? broadcast.filter_json ?? '{}';
    await updateBroadcastFilter(trx, broadcast.id, filterJson);
    const members = await listMatchingBuyers(trx, props.shopId, JSON.parse(filterJson) as SegmentFilter, now, MAX_RECIPIENTS);
    const memberIds = members.map((m) => m.id);
    const optedOut = new Set(await listOptedOutBuyerIds(trx, memberIds));
    const rows = members.map((m) => {
      const reason = m.blocked ? 'blocked' : optedOut.has(m.id) ? 'opted_out' : null;
      return {
        id: newId(),
        shop_id: props.shopId,
        broadcast_id: broadcast.id,
        buyer_id: m.id,
        status: reason ? 'skipped' : 'pending',
        reason,
        conversation_id: null,
        message_id: null,
        message_seq: null,
        sent_at: null,
        reply_until: null,
      };
    });
    await insertRecipients(trx, rows);
    await recordAudit(trx, {
      shopId: props.shopId,
      actor: { kind: 'system', id: null, name: '群发' },
      action: 'broadcast.sending_began',
      targetType: 'broadcast',
      targetId: broadcast.id,
      before: { status: 'scheduled' },
      after: { status: 'sending', recipients: rows.length },
      at: now.toISOString(),
    });
    return true;
  });
}
