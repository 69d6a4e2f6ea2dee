import { FINAL_CASE_STATES, type CaseState, type CaseType } from '@golddesk/contracts';

type Moves = Partial<Record<CaseState, readonly CaseState[]>>;

/**
 * Each case type's machine: from a state, the states it may move to. Every state not final may also be withdrawn
 * (→ cancelled, by the buyer or an agent); that move is added below rather than written on each row.
 *
 * 仅退款        待处理 → 待退款 → 已完成
 * 退货退款      待处理 → 待买家寄回 → 待商家收货 → 待退款 → 已完成
 * 换货          待处理 → 待买家寄回 → 待商家收货 → 待发出 → 已发出 → 已完成 (or 待处理 → 待发出 when nothing comes back)
 * 质量问题      待处理 → 待补充凭证 → 处理中 (质检) → a remedy: return, refund or replacement
 */
const MOVES: Record<CaseType, Moves> = {
  refund_only: {
    pending: ['awaiting_evidence', 'awaiting_refund', 'rejected'],
    awaiting_evidence: ['pending', 'awaiting_refund', 'rejected'],
    awaiting_refund: ['completed'],
  },
  return_refund: {
    pending: ['awaiting_evidence', 'awaiting_return', 'rejected'],
    awaiting_evidence: ['pending', 'awaiting_return', 'rejected'],
    awaiting_return: ['awaiting_receipt'],
    awaiting_receipt: ['awaiting_refund', 'rejected'],
    awaiting_refund: ['completed'],
  },
  exchange: {
    pending: ['awaiting_evidence', 'awaiting_return', 'awaiting_reship', 'rejected'],
    awaiting_evidence: ['pending', 'awaiting_return', 'awaiting_reship', 'rejected'],
    awaiting_return: ['awaiting_receipt'],
    awaiting_receipt: ['awaiting_reship', 'rejected'],
    awaiting_reship: ['reshipped'],
    reshipped: ['completed'],
  },
  wrong_item: {
    pending: ['awaiting_evidence', 'awaiting_reship', 'awaiting_return', 'awaiting_refund', 'rejected'],
    awaiting_evidence: ['pending', 'awaiting_reship', 'awaiting_return', 'awaiting_refund', 'rejected'],
    awaiting_return: ['awaiting_receipt'],
    awaiting_receipt: ['awaiting_reship', 'awaiting_refund'],
    awaiting_reship: ['reshipped'],
    reshipped: ['completed'],
    awaiting_refund: ['completed'],
  },
  quality: {
    pending: ['awaiting_evidence', 'inspecting', 'rejected'],
    awaiting_evidence: ['inspecting', 'rejected'],
    inspecting: ['awaiting_return', 'awaiting_refund', 'awaiting_reship', 'completed', 'rejected'],
    awaiting_return: ['awaiting_receipt'],
    awaiting_receipt: ['awaiting_refund', 'awaiting_reship'],
    awaiting_reship: ['reshipped'],
    reshipped: ['completed'],
    awaiting_refund: ['completed'],
  },
  logistics: {
    pending: ['awaiting_evidence', 'inspecting', 'awaiting_reship', 'awaiting_refund', 'completed', 'rejected'],
    awaiting_evidence: ['inspecting', 'awaiting_reship', 'awaiting_refund', 'rejected'],
    inspecting: ['awaiting_reship', 'awaiting_refund', 'completed', 'rejected'],
    awaiting_reship: ['reshipped'],
    reshipped: ['completed'],
    awaiting_refund: ['completed'],
  },
  price_protection: {
    pending: ['awaiting_refund', 'rejected'],
    awaiting_refund: ['completed'],
  },
  invoice: {
    pending: ['inspecting', 'completed', 'rejected'],
    inspecting: ['completed'],
  },
  repair: {
    pending: ['awaiting_evidence', 'awaiting_return', 'rejected'],
    awaiting_evidence: ['awaiting_return', 'rejected'],
    awaiting_return: ['awaiting_receipt'],
    awaiting_receipt: ['inspecting'],
    inspecting: ['awaiting_reship'],
    awaiting_reship: ['reshipped'],
    reshipped: ['completed'],
  },
};

/** Once money or goods are on their way back to the buyer, the case is no longer withdrawn, only finished. */
const NOT_WITHDRAWABLE: readonly CaseState[] = ['awaiting_refund', 'reshipped'];

export function isFinalCaseState(state: string): boolean {
  return (FINAL_CASE_STATES as readonly string[]).includes(state);
}

/** The states a case of `type` may move to from `state`, in the table's order (withdrawing last). */
export function caseMovesFrom(type: CaseType, state: CaseState): CaseState[] {
  if (isFinalCaseState(state)) return [];
  const moves = [...(MOVES[type][state] ?? [])];
  if (!NOT_WITHDRAWABLE.includes(state)) moves.push('cancelled');
  return moves;
}

export function caseMoveAllowed(type: CaseType, from: CaseState, to: CaseState): boolean {
  return caseMovesFrom(type, from).includes(to);
}

/** Whether the type's machine has the state at all (e.g. 质检 for quality, none for 价保). */
export function caseTypeUses(type: CaseType, state: CaseState): boolean {
  if (state === 'pending' || isFinalCaseState(state)) return true;
  return Object.entries(MOVES[type]).some(([from, to]) => from === state || to.includes(state));
}

/** The states a buyer may withdraw from themselves (before the shop acted). */
export const BUYER_WITHDRAWABLE: readonly CaseState[] = ['pending', 'awaiting_evidence', 'awaiting_return'];
