import type { SegmentFilter, SegmentView } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordAgentAudit } from '../../audit/index.js';
import { countSegments, deleteSegment, findSegment, insertSegment, updateSegment } from '../crm.repository.js';
import { requireCrm } from '../crm.policy.js';
import { presentSegment } from '../crm.presenter.js';

const MAX_SEGMENTS = 50;

export interface SegmentProps {
  name: string;
  /** The saved filter, as GET /api/v1/customers applies it. */
  filter: SegmentFilter;
}

/** Saves a customer filter as a segment (客户分群) the whole team can open. */
export async function createSegment(ctx: CommandContext<AgentPrincipal>, props: SegmentProps): Promise<SegmentView> {
  requireCrm(ctx.actor, 'manage_segments');
  const db = ctx.app.storage.db;
  if ((await countSegments(db, ctx.actor.shopId)) >= MAX_SEGMENTS)
    throw new AppError('too_many_segments', { limit: MAX_SEGMENTS });
  const now = ctx.app.now().toISOString();
  const row = {
    id: newId(),
    shop_id: ctx.actor.shopId,
    name: props.name,
    filter_json: JSON.stringify(props.filter),
    created_by: ctx.actor.name,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await insertSegment(trx, row);
    await recordAgentAudit(trx, ctx.actor, {
      action: 'segment.created',
      targetType: 'segment',
      targetId: row.id,
      after: { name: props.name, filter: props.filter },
      at: now,
    });
  });
  return presentSegment(row);
}

export async function changeSegment(
  ctx: CommandContext<AgentPrincipal>,
  props: SegmentProps & { segmentId: string },
): Promise<SegmentView> {
  requireCrm(ctx.actor, 'manage_segments');
  const db = ctx.app.storage.db;
  const before = await findSegment(db, ctx.actor.shopId, props.segmentId);
  if (!before) throw new AppError('not_found', { thing: 'segment' });
  const at = ctx.app.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await updateSegment(trx, ctx.actor.shopId, props.segmentId, {
      name: props.name,
      filter_json: JSON.stringify(props.filter),
      updated_at: at,
    });
    await recordAgentAudit(trx, ctx.actor, {
      action: 'segment.updated',
      targetType: 'segment',
      targetId: before.id,
      before: { name: before.name, filter: JSON.parse(before.filter_json) },
      after: { name: props.name, filter: props.filter },
      at,
    });
  });
  return presentSegment((await findSegment(db, ctx.actor.shopId, props.segmentId))!);
}

export async function removeSegment(ctx: CommandContext<AgentPrincipal>, props: { segmentId: string }): Promise<void> {
  requireCrm(ctx.actor, 'manage_segments');
  const db = ctx.app.storage.db;
  const before = await findSegment(db, ctx.actor.shopId, props.segmentId);
  if (!before) throw new AppError('not_found', { thing: 'segment' });
  await db.transaction().execute(async (trx) => {
    await deleteSegment(trx, ctx.actor.shopId, props.segmentId);
    await recordAgentAudit(trx, ctx.actor, {
      action: 'segment.deleted',
      targetType: 'segment',
      targetId: before.id,
      before: { name: before.name, filter: JSON.parse(before.filter_json) },
      at: ctx.app.now().toISOString(),
    });
  });
}
