import { can, EVIDENCE_CHECKLISTS, serverText, type CaseType } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { applyCaseChange, caseActorOf } from '../case-change.js';
import { runCaseCommand, type CaseOutcome } from '../case-command.js';
import { detailRequired, refusedMove } from '../case-errors.js';
import { caseMoveAllowed, isFinalCaseState } from '../case.state-machine.js';

/**
 * One click: the buyer is asked for the type's photos (质量问题: 问题部位, 商品整体, 装箱单, 批次号). The widget shows
 * the checklist; the chat says what to upload; the case waits for the photos where its machine has that step.
 */
export function requestEvidence(ctx: CommandContext<AgentPrincipal>, caseId: string): Promise<CaseOutcome> {
  if (!can(ctx.actor, 'cases.open')) throw new AppError('forbidden');
  return runCaseCommand(ctx, {
    action: 'request-evidence',
    caseId,
    props: {},
    work: async (inner, record) => {
      const { row } = record;
      const type = row.type as CaseType;
      const checklist = EVIDENCE_CHECKLISTS[type];
      if (!checklist?.length) throw detailRequired('此类售后无需上传凭证', 'This kind of case needs no photos');
      if (isFinalCaseState(row.state)) throw refusedMove(row, row.state as never);
      const waits = caseMoveAllowed(type, row.state as never, 'awaiting_evidence');
      await applyCaseChange(inner, row, caseActorOf(ctx.actor), {
        to: waits ? 'awaiting_evidence' : undefined,
        set: { evidence_requested_at: inner.app.now().toISOString() },
        entries: [{ kind: 'evidence_requested', data: { items: checklist.map((i) => i.key) } }],
        tell: [serverText('case.evidence_requested', { caseNo: row.case_no, items: checklist.map((i) => i.label).join('、') })],
      });
    },
  });
}
