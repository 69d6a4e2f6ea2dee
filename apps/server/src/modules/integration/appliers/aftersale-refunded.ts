import type { InboundEvent } from '@golddesk/contracts';
import { recordRefundReported } from '../../cases/index.js';
import type { ApplyContext, ApplyOutcome } from './applier.js';

type RefundedEvent = Extract<InboundEvent, { type: 'aftersale.refunded' }>;

/** The shop's system refunded an after-sales case: the case completes (or the event is ignored with the reason). */
export async function applyAftersaleRefunded(ctx: ApplyContext, event: RefundedEvent): Promise<ApplyOutcome> {
  const { caseNo, refundFen } = event.data;
  const report = await recordRefundReported(
    {
      app: ctx.app,
      transaction: { trx: ctx.trx, afterCommit: (effect) => ctx.afterCommit.push(() => void effect()) },
    },
    { shopId: ctx.shopId, caseNo, refundFen },
  );
  if (report.result === 'not_found') return { status: 'ignored', note: [{ code: 'case_not_found', params: { caseNo } }] };
  if (report.result === 'not_awaiting') {
    return { status: 'ignored', note: [{ code: 'case_not_awaiting_refund', params: { caseNo, caseState: report.state } }] };
  }
  return {
    status: 'applied',
    audit: {
      targetType: 'case',
      targetId: report.caseId,
      before: { state: 'awaiting_refund' },
      after: { state: 'completed', refundFen },
    },
  };
}
