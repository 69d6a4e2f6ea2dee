import type { CommandContext } from '../../../platform/app-context.js';
import type { BuyerPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { caseActorOf } from '../case-change.js';
import { runCaseCommand, type CaseOutcome } from '../case-command.js';
import { refusedMove } from '../case-errors.js';
import { moveCase } from '../case-moves.js';
import { BUYER_WITHDRAWABLE } from '../case.state-machine.js';

/** The buyer withdraws their own request (撤销申请) while the shop has not acted on it yet. */
export function cancelCaseByBuyer(ctx: CommandContext<BuyerPrincipal>, caseId: string): Promise<CaseOutcome> {
  return runCaseCommand(ctx, {
    action: 'cancel',
    caseId,
    props: {},
    work: async (inner, record) => {
      // Another buyer's case is as unknown as a missing one.
      if (record.row.buyer_id !== ctx.actor.buyerId) throw new AppError('not_found', { thing: 'case' });
      if (!BUYER_WITHDRAWABLE.includes(record.row.state as never)) throw refusedMove(record.row, 'cancelled');
      await moveCase(inner, record, 'cancelled', { note: '买家撤销申请' }, caseActorOf(ctx.actor));
    },
  });
}
