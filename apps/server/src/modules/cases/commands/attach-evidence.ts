import { EVIDENCE_CHECKLISTS, type CaseState, type CaseType } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { BuyerPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import { caseActorOf, applyCaseChange } from '../case-change.js';
import { runCaseCommand, type CaseOutcome } from '../case-command.js';
import { refusedMove } from '../case-errors.js';
import { moveCase } from '../case-moves.js';
import { findAttachmentUploader, insertEvidence } from '../case.repository.js';
import { caseMoveAllowed, isFinalCaseState } from '../case.state-machine.js';

export interface AttachEvidenceProps {
  caseId: string;
  /** The checklist item (affected_area, whole_product …). */
  item: string;
  /** A photo the buyer uploaded (POST /api/v1/widget/uploads checked it by content and size). */
  attachmentId: string;
}

/**
 * The buyer files a photo under a checklist item of their own case. Once every item has one, a case waiting for
 * photos moves on by itself (质量问题 → 处理中, with the QC task).
 */
export function attachEvidence(ctx: CommandContext<BuyerPrincipal>, props: AttachEvidenceProps): Promise<CaseOutcome> {
  const { actor } = ctx;
  return runCaseCommand(ctx, {
    action: 'evidence',
    caseId: props.caseId,
    props: {},
    work: async (inner, record) => {
      const { row } = record;
      if (row.buyer_id !== actor.buyerId) throw new AppError('not_found', { thing: 'case' });
      if (isFinalCaseState(row.state)) throw refusedMove(row, row.state as never);
      const type = row.type as CaseType;
      const item = EVIDENCE_CHECKLISTS[type]?.find((i) => i.key === props.item);
      if (!item) throw new AppError('evidence_item_unknown', { item: props.item });
      const { trx } = inner.transaction;
      const uploader = await findAttachmentUploader(trx, actor.shopId, props.attachmentId);
      // Someone else's image is as unknown as a missing one.
      if (uploader !== `buyer:${actor.buyerId}`) throw new AppError('not_found', { thing: 'attachment' });
      await insertEvidence(trx, {
        id: newId(),
        shop_id: actor.shopId,
        case_id: row.id,
        item_key: item.key,
        attachment_id: props.attachmentId,
        uploaded_at: inner.app.now().toISOString(),
      });
      const updated = await applyCaseChange(inner, row, caseActorOf(actor), {
        entries: [{ kind: 'evidence_uploaded', data: { item: item.key, label: item.label, attachmentId: props.attachmentId } }],
      });
      const complete = EVIDENCE_CHECKLISTS[type]!.every((i) => updated.evidence.some((e) => e.item_key === i.key));
      const state = updated.row.state as CaseState;
      if (!complete || (state !== 'awaiting_evidence' && state !== 'pending')) return;
      // With every photo in, a case that checks goods (质量问题, 物流问题) goes to 处理中 and QC gets its task; one that
      // was only waiting for the photos goes back to 待处理.
      const next = caseMoveAllowed(type, state, 'inspecting')
        ? 'inspecting'
        : state === 'awaiting_evidence'
          ? 'pending'
          : undefined;
      if (!next || !caseMoveAllowed(type, state, next)) return;
      await moveCase(inner, updated, next, { note: '凭证已齐全' }, { kind: 'system', id: null, name: '系统' });
    },
  });
}
