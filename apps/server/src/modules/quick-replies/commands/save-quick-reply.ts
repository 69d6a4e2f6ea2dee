import { QUICK_REPLY_LIMITS, type QuickReplyScope, type QuickReplyView } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import { findAttachment } from '../../attachments/index.js';
import { recordAudit } from '../../audit/index.js';
import { mayEditQuickReply, mayReadQuickReply, ownerFor, requireScopeEditor } from '../quick-reply.policy.js';
import { presentQuickReply } from '../quick-reply.presenter.js';
import {
  countScopeQuickReplies,
  deleteQuickReply,
  findQuickReply,
  findQuickReplyByCode,
  insertQuickReplies,
  updateQuickReply,
  type QuickReplyRow,
} from '../quick-reply.repository.js';

export interface QuickReplyFields {
  /** 分组; '' = 未分组. */
  group?: string;
  /** 快捷编码 (≤ 20 characters), unique in its scope; null/'' = none. */
  code?: string | null;
  /** The text, ≤ 1000 characters, may contain {变量}. */
  content?: string;
  /** An uploaded image sent along with the text; null removes it. */
  imageAttachmentId?: string | null;
}

const limitOf = (scope: QuickReplyScope) =>
  scope === 'team' ? QUICK_REPLY_LIMITS.teamPhrases : QUICK_REPLY_LIMITS.personalPhrases;
const auditActor = (agent: AgentPrincipal) => ({ kind: 'agent' as const, id: agent.agentId, name: agent.name });
const snapshot = (row: QuickReplyRow) => ({
  group: row.group_name,
  code: row.code,
  content: row.content,
  image: row.attachment_id,
});

async function checkImage(ctx: CommandContext<AgentPrincipal>, attachmentId: string | null | undefined) {
  if (attachmentId && !(await findAttachment(ctx.app.storage.db, ctx.actor.shopId, attachmentId))) {
    throw new AppError('not_found', { thing: 'attachment' });
  }
}

/** A new team (owner/manager) or personal (any agent, their own) phrase. */
export async function createQuickReply(
  ctx: CommandContext<AgentPrincipal>,
  props: QuickReplyFields & { scope: QuickReplyScope; content: string },
): Promise<QuickReplyView> {
  const { actor } = ctx;
  requireScopeEditor(actor, props.scope);
  const db = ctx.app.storage.db;
  const owner = ownerFor(actor, props.scope);
  const code = props.code?.trim() || null;
  if (code && (await findQuickReplyByCode(db, actor.shopId, props.scope, owner, code)))
    throw new AppError('quick_reply_code_taken', { code });
  if ((await countScopeQuickReplies(db, actor.shopId, props.scope, owner)) >= limitOf(props.scope)) {
    throw new AppError('quick_reply_limit', { limit: limitOf(props.scope) });
  }
  await checkImage(ctx, props.imageAttachmentId);
  const at = ctx.app.now().toISOString();
  const row: QuickReplyRow = {
    id: newId(),
    shop_id: actor.shopId,
    scope: props.scope,
    owner_id: owner,
    group_name: props.group?.trim() ?? '',
    code,
    content: props.content,
    attachment_id: props.imageAttachmentId ?? null,
    created_by: actor.agentId,
    created_at: at,
    updated_at: at,
  };
  await db.transaction().execute(async (trx) => {
    await insertQuickReplies(trx, [row]);
    if (row.scope === 'team') {
      await recordAudit(trx, {
        shopId: actor.shopId,
        actor: auditActor(actor),
        action: 'quick_reply.created',
        targetType: 'quick_reply',
        targetId: row.id,
        before: null,
        after: snapshot(row),
        at,
      });
    }
  });
  return presentQuickReply(row, actor);
}

async function loadEditable(ctx: CommandContext<AgentPrincipal>, id: string): Promise<QuickReplyRow> {
  const row = await findQuickReply(ctx.app.storage.db, ctx.actor.shopId, id);
  if (!row || !mayReadQuickReply(ctx.actor, row)) throw new AppError('not_found', { thing: 'quick_reply' });
  if (!mayEditQuickReply(ctx.actor, row)) throw new AppError('forbidden');
  return row;
}

/** Changes a phrase's group, code, content or image. */
export async function changeQuickReply(
  ctx: CommandContext<AgentPrincipal>,
  props: QuickReplyFields & { id: string },
): Promise<QuickReplyView> {
  const { actor } = ctx;
  const db = ctx.app.storage.db;
  const row = await loadEditable(ctx, props.id);
  const code = props.code === undefined ? row.code : props.code?.trim() || null;
  if (code && code !== row.code) {
    const taken = await findQuickReplyByCode(db, actor.shopId, row.scope, row.owner_id, code);
    if (taken && taken.id !== row.id) throw new AppError('quick_reply_code_taken', { code });
  }
  await checkImage(ctx, props.imageAttachmentId);
  const at = ctx.app.now().toISOString();
  const next: QuickReplyRow = {
    ...row,
    code,
    group_name: props.group === undefined ? row.group_name : props.group.trim(),
    content: props.content ?? row.content,
    attachment_id: props.imageAttachmentId === undefined ? row.attachment_id : props.imageAttachmentId,
    updated_at: at,
  };
  await db.transaction().execute(async (trx) => {
    await updateQuickReply(trx, actor.shopId, row.id, {
      code: next.code,
      group_name: next.group_name,
      content: next.content,
      attachment_id: next.attachment_id,
      updated_at: at,
    });
    if (row.scope === 'team') {
      await recordAudit(trx, {
        shopId: actor.shopId,
        actor: auditActor(actor),
        action: 'quick_reply.updated',
        targetType: 'quick_reply',
        targetId: row.id,
        before: snapshot(row),
        after: snapshot(next),
        at,
      });
    }
  });
  return presentQuickReply(next, actor);
}

export async function removeQuickReply(ctx: CommandContext<AgentPrincipal>, props: { id: string }): Promise<void> {
  const { actor } = ctx;
  const row = await loadEditable(ctx, props.id);
  await ctx.app.storage.db.transaction().execute(async (trx) => {
    await deleteQuickReply(trx, actor.shopId, row.id);
    if (row.scope === 'team') {
      await recordAudit(trx, {
        shopId: actor.shopId,
        actor: auditActor(actor),
        action: 'quick_reply.deleted',
        targetType: 'quick_reply',
        targetId: row.id,
        before: snapshot(row),
        after: null,
        at: ctx.app.now().toISOString(),
      });
    }
  });
}
