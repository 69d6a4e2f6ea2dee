import { PromotionInput, type PromotionView } from '@golddesk/contracts';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { requireCapability } from '../../../platform/http/require-capability.js';
import { newId } from '../../../platform/ids.js';
import { recordAudit } from '../../audit/index.js';
import { presentPromotion, type PromotionLanguage } from '../promotion.presenter.js';
import {
  countPromotions,
  deletePromotionRow,
  findPromotion,
  insertPromotions,
  updatePromotion,
  type PromotionRow,
} from '../promotion.repository.js';

export const MAX_PROMOTIONS = 200;

export interface SavePromotionProps {
  /** Absent: a new campaign. */
  id?: string;
  input: z.infer<typeof PromotionInput>;
  language?: PromotionLanguage;
}

function instant(text: string): string {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new AppError('invalid_input', { detail: `时间格式无效：${text}` });
  return new Date(ms).toISOString();
}

/** Creates or changes a campaign (owner, manager); dates must run forwards; audited with before → after. */
export async function savePromotion(ctx: CommandContext<AgentPrincipal>, props: SavePromotionProps): Promise<PromotionView> {
  const { app, actor } = ctx;
  requireCapability(actor, 'promotions.edit');
  const input = props.input;
  const startsAt = instant(input.startsAt);
  const endsAt = instant(input.endsAt);
  if (endsAt <= startsAt) throw new AppError('promotion_dates_invalid');
  const now = app.now().toISOString();
  const row = await app.storage.db.transaction().execute(async (trx) => {
    const before = props.id ? await findPromotion(trx, actor.shopId, props.id) : undefined;
    if (props.id && !before) throw new AppError('not_found', { thing: 'promotion' });
    if (!before && (await countPromotions(trx, actor.shopId)) >= MAX_PROMOTIONS)
      throw new AppError('too_many_promotions', { limit: MAX_PROMOTIONS });
    const next: PromotionRow = {
      id: before?.id ?? newId(),
      shop_id: actor.shopId,
      kind: input.kind,
      title: input.title,
      threshold_fen: input.thresholdFen ?? null,
      amount_fen: input.amountFen ?? null,
      deposit_fen: input.depositFen ?? null,
      note: input.note,
      link: input.link || null,
      starts_at: startsAt,
      ends_at: endsAt,
      created_at: before?.created_at ?? now,
      updated_at: now,
    };
    if (before) {
      const { id: _id, shop_id: _shop, created_at: _created, ...changes } = next;
      await updatePromotion(trx, actor.shopId, before.id, changes);
    } else {
      await insertPromotions(trx, [next]);
    }
    await recordAudit(trx, {
      shopId: actor.shopId,
      actor: { kind: 'agent', id: actor.agentId, name: actor.name },
      action: before ? 'promotion.updated' : 'promotion.created',
      targetType: 'promotion',
      targetId: next.id,
      before: before ? auditView(before) : null,
      after: auditView(next),
      at: now,
    });
    return next;
  });
  return presentPromotion(row, app.now(), props.language);
}

/** Deletes a campaign (owner, manager), audited. */
export async function deletePromotion(ctx: CommandContext<AgentPrincipal>, id: string): Promise<void> {
  const { app, actor } = ctx;
  requireCapability(actor, 'promotions.edit');
  const now = app.now().toISOString();
  await app.storage.db.transaction().execute(async (trx) => {
    const before = await findPromotion(trx, actor.shopId, id);
    if (!before) throw new AppError('not_found', { thing: 'promotion' });
    await deletePromotionRow(trx, actor.shopId, id);
    await recordAudit(trx, {
      shopId: actor.shopId,
      actor: { kind: 'agent', id: actor.agentId, name: actor.name },
      action: 'promotion.deleted',
      targetType: 'promotion',
      targetId: id,
      before: auditView(before),
      after: null,
      at: now,
    });
  });
}

function auditView(row: PromotionRow): Record<string, unknown> {
  return {
    kind: row.kind,
    title: row.title,
    thresholdFen: row.threshold_fen,
    amountFen: row.amount_fen,
    depositFen: row.deposit_fen,
    note: row.note,
    link: row.link,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
  };
}
