import type { CommandContext } from '../../../platform/app-context.js';
import type { BuyerPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { applyCaseChange, caseActorOf } from '../case-change.js';
import { runCaseCommand, type CaseOutcome } from '../case-command.js';
import { refusedMove } from '../case-errors.js';
import { caseMoveAllowed } from '../case.state-machine.js';

export interface SetReturnTrackingProps {
  caseId: string;
  carrier: string;
  trackingNo: string;
}

/**
 * The buyer sent the goods back and enters the parcel: the case moves to 待商家收货 (or, when it is already there,
 * the number is corrected).
 */
export function setReturnTracking(ctx: CommandContext<BuyerPrincipal>, props: SetReturnTrackingProps): Promise<CaseOutcome> {
  return runCaseCommand(ctx, {
    action: 'return-tracking',
    caseId: props.caseId,
    props: {},
    work: async (inner, record) => {
      const { row } = record;
      if (row.buyer_id !== ctx.actor.buyerId) throw new AppError('not_found', { thing: 'case' });
      const moving = row.state === 'awaiting_return';
      if (!moving && row.state !== 'awaiting_receipt') throw refusedMove(row, 'awaiting_receipt');
      if (moving && !caseMoveAllowed(row.type as never, 'awaiting_return', 'awaiting_receipt')) {
        throw refusedMove(row, 'awaiting_receipt');
      }
      await applyCaseChange(inner, row, caseActorOf(ctx.actor), {
        to: moving ? 'awaiting_receipt' : undefined,
        set: { return_carrier: props.carrier.trim(), return_tracking_no: props.trackingNo.trim() },
        entries: [{ kind: 'return_shipped', data: { carrier: props.carrier.trim(), trackingNo: props.trackingNo.trim() } }],
      });
    },
  });
}
