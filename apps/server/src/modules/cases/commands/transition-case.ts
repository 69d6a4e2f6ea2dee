import { can, type CaseState } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { caseActorOf } from '../case-change.js';
import { runCaseCommand, type CaseOutcome } from '../case-command.js';
import { moveCase } from '../case-moves.js';

export interface TransitionCaseProps {
  caseId: string;
  requestId: string;
  to: CaseState;
  /** Why (a refusal's reason is what the buyer reads). */
  note?: string;
  /** With 待退款: the refund agreed, in fen (default: what the buyer asked, else the order's total). */
  refundFen?: number;
  /** With 已发出: the replacement's parcel. */
  carrier?: string;
  trackingNo?: string;
}

/** An agent moves a case along its type's machine (409 for a move it does not allow; nothing changes then). */
export function transitionCase(ctx: CommandContext<AgentPrincipal>, props: TransitionCaseProps): Promise<CaseOutcome> {
  if (!can(ctx.actor, 'cases.work')) throw new AppError('forbidden');
  const { caseId, to, ...details } = props;
  return runCaseCommand(ctx, {
    action: 'transition',
    caseId,
    props,
    work: async (inner, record) => {
      await moveCase(inner, record, to, details, caseActorOf(ctx.actor));
    },
  });
}
