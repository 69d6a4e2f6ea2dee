import type { BroadcastInput } from '@golddesk/contracts';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/app-context.js';
import type { Queryable } from '../../../platform/db/database.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { newId } from '../../../platform/ids.js';
import { recordAudit } from '../../audit/index.js';
import { findSegment } from '../../crm/index.js';
import {
  deleteDraftBroadcast,
  findBroadcast,
  insertBroadcast,
  updateBroadcastInStatus,
  type BroadcastRow,
} from '../broadcast.repository.js';

export type BroadcastFields = z.output<typeof BroadcastInput>;
type Input = BroadcastFields;

export function requireManager(actor: AgentPrincipal) {
  requireCapability(actor, 'broadcasts.manage');
}

export function parseSchedule(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new AppError('broadcast_schedule_invalid');
  return new Date(ms).toISOString();
}

/** The target: a saved segment of this shop (its name kept for display) or an inline filter. */
async function target(db: Queryable, shopId: string, input: Input) {
  if (input.segmentId) {
    const segment = await findSegment(db, shopId, input.segmentId);
    if (!segment) throw new AppError('not_found', { thing: 'segment' });
    return { segment_id: segment.id, segment_name: segment.name, filter_json: segment.filter_json };
  }
  if (!input.filter) throw new AppError('broadcast_target_required');
  return { segment_id: null, segment_name: null, filter_json: JSON.stringify(input.filter) };
}

const auditActor = (actor: AgentPrincipal) => ({ kind: 'agent' as const, id: actor.agentId, name: actor.name });
const summary = (row: Pick<BroadcastRow, 'title' | 'status' | 'segment_name' | 'throttle_per_minute' | 'scheduled_at'>) => ({
  title: row.title,
  status: row.status,
  segment: row.segment_name,
  throttlePerMinute: row.throttle_per_minute,
  scheduledAt: row.scheduled_at,
});

/** A new broadcast, as a draft: nothing is sent until it is started. */
export async function createBroadcast(ctx: CommandContext<AgentPrincipal>, input: Input): Promise<string> {
  requireManager(ctx.actor);
  const now = ctx.app.now().toISOString();
  const id = newId();
  await ctx.app.storage.db.transaction().execute(async (trx) => {
    const row: BroadcastRow = {
      id,
      shop_id: ctx.actor.shopId,
      title: input.title,
      template: input.template,
      ...(await target(trx, ctx.actor.shopId, input)),
      throttle_per_minute: input.throttlePerMinute,
      status: 'draft',
      scheduled_at: parseSchedule(input.scheduledAt),
      started_at: null,
      finished_at: null,
      created_by: ctx.actor.agentId,
      created_by_name: ctx.actor.name,
      created_at: now,
      updated_at: now,
    };
    await insertBroadcast(trx, row);
    await recordAudit(trx, {
      shopId: ctx.actor.shopId,
      actor: auditActor(ctx.actor),
      action: 'broadcast.created',
      targetType: 'broadcast',
      targetId: id,
      before: null,
      after: summary(row),
      at: now,
    });
  });
  return id;
}

/** Changes a draft (a started broadcast keeps what it was started with). */
export async function updateBroadcast(ctx: CommandContext<AgentPrincipal>, id: string, input: Input): Promise<void> {
  requireManager(ctx.actor);
  const now = ctx.app.now().toISOString();
  await ctx.app.storage.db.transaction().execute(async (trx) => {
    const before = await findBroadcast(trx, ctx.actor.shopId, id);
    if (!before) throw new AppError('not_found', { thing: 'broadcast' });
    if (before.status !== 'draft') throw new AppError('broadcast_not_draft');
    const changes = {
      title: input.title,
      template: input.template,
      ...(await target(trx, ctx.actor.shopId, input)),
      throttle_per_minute: input.throttlePerMinute,
      scheduled_at: parseSchedule(input.scheduledAt),
      updated_at: now,
    };
    await updateBroadcastInStatus(trx, id, 'draft', changes);
    await recordAudit(trx, {
      shopId: ctx.actor.shopId,
      actor: auditActor(ctx.actor),
      action: 'broadcast.updated',
      targetType: 'broadcast',
      targetId: id,
      before: summary(before),
      after: summary({ ...before, ...changes }),
      at: now,
    });
  });
}

/** Deletes a draft. */
export async function deleteBroadcast(ctx: CommandContext<AgentPrincipal>, id: string): Promise<void> {
  requireManager(ctx.actor);
  const now = ctx.app.now().toISOString();
  await ctx.app.storage.db.transaction().execute(async (trx) => {
    const before = await findBroadcast(trx, ctx.actor.shopId, id);
    if (!before) throw new AppError('not_found', { thing: 'broadcast' });
    if (before.status !== 'draft') throw new AppError('broadcast_not_draft');
    await deleteDraftBroadcast(trx, id);
    await recordAudit(trx, {
      shopId: ctx.actor.shopId,
      actor: auditActor(ctx.actor),
      action: 'broadcast.deleted',
      targetType: 'broadcast',
      targetId: id,
      before: summary(before),
      after: null,
      at: now,
    });
  });
}

export { auditActor, summary };
