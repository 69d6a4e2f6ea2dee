import type { TagView } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import { deleteTag, findTag, findTagByName, insertTag, updateTag } from '../crm.repository.js';
import { requireCrm } from '../crm.policy.js';
import { presentTag } from '../crm.presenter.js';

/** The shop's tag list (标签库) is kept by the owner and managers: create, rename/recolour, delete. */
export async function createTag(ctx: CommandContext<AgentPrincipal>, props: { name: string; color: TagView['color'] }): Promise<TagView> {
  requireCrm(ctx.actor, 'manage_tags');
  const db = ctx.app.storage.db;
  if (await findTagByName(db, ctx.actor.shopId, props.name)) throw new AppError('tag_exists', { name: props.name });
  const row = { id: newId(), shop_id: ctx.actor.shopId, name: props.name, color: props.color, created_at: ctx.app.now().toISOString() };
  await insertTag(db, row);
  return presentTag(row);
}

export async function changeTag(
  ctx: CommandContext<AgentPrincipal>, props: { tagId: string; name?: string; color?: TagView['color'] },
): Promise<TagView> {
  requireCrm(ctx.actor, 'manage_tags');
  const db = ctx.app.storage.db;
  const tag = await findTag(db, ctx.actor.shopId, props.tagId);
  if (!tag) throw new AppError('not_found', { thing: 'tag' });
  if (props.name && props.name !== tag.name && (await findTagByName(db, ctx.actor.shopId, props.name))) {
    throw new AppError('tag_exists', { name: props.name });
  }
  await updateTag(db, ctx.actor.shopId, tag.id, { ...(props.name ? { name: props.name } : {}), ...(props.color ? { color: props.color } : {}) });
  return presentTag((await findTag(db, ctx.actor.shopId, tag.id))!);
}

export async function removeTag(ctx: CommandContext<AgentPrincipal>, props: { tagId: string }): Promise<void> {
  requireCrm(ctx.actor, 'manage_tags');
  const db = ctx.app.storage.db;
  if (!(await findTag(db, ctx.actor.shopId, props.tagId))) throw new AppError('not_found', { thing: 'tag' });
  await db.transaction().execute((trx) => deleteTag(trx, ctx.actor.shopId, props.tagId));
}
