import type { CaseType } from '@golddesk/contracts';
import type { CaseWrite } from '../case-change.js';
import { findOrderFacts, type CaseRecord } from '../case.repository.js';
import { createCase } from './open-case.js';

/**
 * The shop's system (a marketplace connector) reports a buyer's after-sales request: the case opens in the caller's
 * transaction, unassigned, with the buyer's photo checklist shown at once. Its event id makes it happen once.
 */
export async function openCaseFromStore(
  ctx: CaseWrite,
  input: {
    shopId: string;
    orderId: string;
    props: { type: CaseType; reason: string; refundFen?: number; itemIndexes?: number[] };
  },
): Promise<CaseRecord> {
  const facts = (await findOrderFacts(ctx.transaction.trx, input.shopId, input.orderId))!;
  return createCase(ctx, {
    shopId: input.shopId,
    opener: { kind: 'integration', actor: { kind: 'integration', id: null, name: '店铺系统' } },
    facts,
    props: input.props,
  });
}
