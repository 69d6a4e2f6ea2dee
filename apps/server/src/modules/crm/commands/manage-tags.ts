import type { TagView } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordAgentAudit } from '../../audit/index.js';
import { deleteTag, findTag, findTagByName, insertTag, updateTag } from '../crm.repository.js';
import { requireCrm } from '../crm.policy.js';
import { presentTag } from '../crm.presenter.js';

/** The shop's tag list (标签库) is kept by the owner and managers: create, rename/recolour, delete. */
export async function createTag(
  ctx: CommandContext<AgentPrincipal>,
  props: { name: string; color: TagView['color'] },
): Promise<TagView> {
  requireCrm(ctx.actor, 'manage_tags');
  const db = ctx.app.storage.db;
  if (await findTagByName(db, ctx.actor.shopId, props.name)) throw new AppError('tag_exists', { name: props.name });
  const row = {
    id: newId(),
    shop_id: ctx.actor.shopId,
    name: props.name,
    color: props.color,
    created_at: ctx.app.now().toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await insertTag(trx, row);
    await recordAgentAudit(trx, ctx.actor, {
      action: 'customer_tag.created',
      targetType: 'customer_tag',
      targetId: row.id,
      after: { name: row.name, color: row.color },
      at: row.created_at,
    });
  });
  return presentTag(row);
}

export async function changeTag(
  ctx: CommandContext<AgentPrincipal>,
  props: { tagId: string; name?: string; color?: TagView['color'] },
): Promise<TagView> {
  requireCrm(ctx.actor, 'manage_tags');
  const db = ctx.app.storage.db;
  const tag = await findTag(db, ctx.actor.shopId, props.tagId);
  if (!tag) throw new AppError('not_found', { thing: 'tag' });
  if (props.name && props.name !== tag.name && (await findTagByName(db, ctx.actor.shopId, props.name))) {
    throw new AppError('tag_exists', { name: props.name });
  }
  const changes = { ...(props.name ? { name: props.name } : {}), ...(props.color ? { color: props.color } : {}) };
  // Nothing asked (an empty body): nothing to write or audit.
  if (Object.keys(changes).length === 0) return presentTag(tag);
  await db.transaction().execute(async (trx) => {
    await updateTag(trx, ctx.actor.shopId, tag.id, changes);
    await recordAgentAudit(trx, ctx.actor, {
      action: 'customer_tag.updated',
      targetType: 'customer_tag',
      targetId: tag.id,
      before: { name: tag.name, color: tag.color },
      after: { name: tag.name, color: tag.color, ...changes },
      at: ctx.app.now().toISOString(),
    });
  });
  return presentTag((await findTag(db, ctx.actor.shopId, tag.id))!);
}

export async function removeTag(ctx: CommandContext<AgentPrincipal>, props: { tagId: string }): Promise<void> {
  requireCrm(ctx.actor, 'manage_tags');
  const db = ctx.app.storage.db;
  const tag = await findTag(db, ctx.actor.shopId, props.tagId);
  if (!tag) throw new AppError('not_found', { thing: 'tag' });
  await db.transaction().execute(async (trx) => {
    await deleteTag(trx, ctx.actor.shopId, props.tagId);
    await recordAgentAudit(trx, ctx.actor, {
      action: 'customer_tag.deleted',
      targetType: 'customer_tag',
      targetId: tag.id,
      before: { name: tag.name, color: tag.color },
      at: ctx.app.now().toISOString(),
    });
  });
}
