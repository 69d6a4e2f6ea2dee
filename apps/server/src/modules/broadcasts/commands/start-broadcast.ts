import type { SegmentFilter } from '@golddesk/contracts';
import type { AppContext, CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { listMatchingBuyers } from '../../crm/queries/list-customers.js';
import { findBroadcast, MAX_RECIPIENTS } from '../broadcast.repository.js';
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
    await trx
      .updateTable('broadcasts')
      .set({ status: 'scheduled', scheduled_at: at, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .execute();
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
    const changed = await trx
      .updateTable('broadcasts')
      .set({ status: 'cancelled', finished_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', before.status)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw new AppError('broadcast_finished');
    await trx
      .updateTable('broadcast_recipients')
      .set({ status: 'skipped', reason: 'cancelled' })
      .where('broadcast_id', '=', id)
      .where('status', '=', 'pending')
      .execute();
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
    const claimed = await trx
      .updateTable('broadcasts')
      .set({ status: 'sending', started_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', broadcast.id)
      .where('status', '=', 'scheduled')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return false;
    // The segment as saved now (it may have been edited since the draft); the inline filter otherwise.
    const segment = broadcast.segment_id
      ? await trx
          .selectFrom('segments')
          .select('filter_json')
          .where('id', '=', broadcast.segment_id)
          .where('shop_id', '=', props.shopId)
          .executeTakeFirst()
      : undefined;
    const filterJson = segment?.filter_json ?? broadcast.filter_json ?? '{}';
    await trx.updateTable('broadcasts').set({ filter_json: filterJson }).where('id', '=', broadcast.id).execute();
    const members = await listMatchingBuyers(trx, props.shopId, JSON.parse(filterJson) as SegmentFilter, now, MAX_RECIPIENTS);
    const optedOut = new Set<string>();
    for (let i = 0; i < members.length; i += 500) {
      const ids = members.slice(i, i + 500).map((m) => m.id);
      for (const r of await trx.selectFrom('marketing_opt_outs').select('buyer_id').where('buyer_id', 'in', ids).execute())
        optedOut.add(r.buyer_id);
    }
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
    for (let i = 0; i < rows.length; i += 200) {
      await trx
        .insertInto('broadcast_recipients')
        .values(rows.slice(i, i + 200))
        .onConflict((oc) => oc.columns(['broadcast_id', 'buyer_id']).doNothing())
        .execute();
    }
    await recordAudit(trx, {
      shopId: props.shopId,
      actor: { kind: 'system', id: null, name: '群发' },
      action: 'broadcast.sending',
      targetType: 'broadcast',
      targetId: broadcast.id,
      before: { status: 'scheduled' },
      after: { status: 'sending', recipients: rows.length },
      at: now.toISOString(),
    });
    return true;
  });
}
