import type { NoteView } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordAgentAudit } from '../../audit/index.js';
import { findBuyer } from '../buyer.repository.js';
import { deleteNote, findNote, insertNote, updateNoteText } from '../crm.repository.js';
import { mayChangeNote, requireCrm } from '../crm.policy.js';
import { presentNote } from '../crm.presenter.js';

/** 不同买家不同备注: any agent adds a note to a buyer; the author (or the owner / a manager) edits or deletes it. */
export async function addNote(ctx: CommandContext<AgentPrincipal>, props: { buyerId: string; text: string }): Promise<NoteView> {
  requireCrm(ctx.actor, 'write_note');
  const db = ctx.app.storage.db;
  if (!(await findBuyer(db, ctx.actor.shopId, props.buyerId))) throw new AppError('not_found', { thing: 'buyer' });
  const row = {
    id: newId(),
    shop_id: ctx.actor.shopId,
    buyer_id: props.buyerId,
    author_id: ctx.actor.agentId,
    author_name: ctx.actor.name,
    text: props.text,
    created_at: ctx.app.now().toISOString(),
    edited_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await insertNote(trx, row);
    await recordAgentAudit(trx, ctx.actor, {
      action: 'customer_note.created',
      targetType: 'buyer',
      targetId: props.buyerId,
      after: { noteId: row.id, text: row.text },
      at: row.created_at,
    });
  });
  return presentNote(row);
}

async function ownNote(ctx: CommandContext<AgentPrincipal>, buyerId: string, noteId: string) {
  requireCrm(ctx.actor, 'write_note');
  const note = await findNote(ctx.app.storage.db, ctx.actor.shopId, noteId);
  if (!note || note.buyer_id !== buyerId) throw new AppError('not_found', { thing: 'note' });
  if (!mayChangeNote(ctx.actor, note.author_id)) throw new AppError('note_not_yours');
  return note;
}

export async function editNote(
  ctx: CommandContext<AgentPrincipal>,
  props: { buyerId: string; noteId: string; text: string },
): Promise<NoteView> {
  const note = await ownNote(ctx, props.buyerId, props.noteId);
  const at = ctx.app.now().toISOString();
  await ctx.app.storage.db.transaction().execute(async (trx) => {
    await updateNoteText(trx, note.id, props.text, at);
    await recordAgentAudit(trx, ctx.actor, {
      action: 'customer_note.updated',
      targetType: 'buyer',
      targetId: note.buyer_id,
      before: { noteId: note.id, text: note.text },
      after: { noteId: note.id, text: props.text },
      at,
    });
  });
  return presentNote({ ...note, text: props.text, edited_at: at });
}

export async function removeNote(ctx: CommandContext<AgentPrincipal>, props: { buyerId: string; noteId: string }): Promise<void> {
  const note = await ownNote(ctx, props.buyerId, props.noteId);
  await ctx.app.storage.db.transaction().execute(async (trx) => {
    await deleteNote(trx, note.id);
    await recordAgentAudit(trx, ctx.actor, {
      action: 'customer_note.deleted',
      targetType: 'buyer',
      targetId: note.buyer_id,
      before: { noteId: note.id, text: note.text, author: note.author_name },
      at: ctx.app.now().toISOString(),
    });
  });
}
