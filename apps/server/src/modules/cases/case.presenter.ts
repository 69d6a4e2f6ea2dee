import {
  EVIDENCE_CHECKLISTS,
  GuideStep,
  wordServerText,
  type BuyerCaseView,
  type CaseEligibility,
  type CaseState,
  type CaseTimelineEntry,
  type CaseType,
  type CaseView,
  type CompensationKind,
  type EvidenceItem,
  type WordLanguage,
} from '@golddesk/contracts';
import type { CaseEventRow, CaseRecord, EvidenceRow } from './case.repository.js';
import { caseMovesFrom, isFinalCaseState } from './case.state-machine.js';

/** How a case is read: by whom (the language of the words) and when (overdue is judged by the app clock). */
export interface CaseReading {
  now: Date;
  language: WordLanguage;
}

/** The case as agents of the shop see it: everything, including the timeline and approvals. */
export function presentCase(record: CaseRecord, { now, language }: CaseReading): CaseView {
  const { row } = record;
  const type = row.type as CaseType;
  const state = row.state as CaseState;
  const guideDone = JSON.parse(row.guide_json) as Record<string, string>;
  return {
    id: row.id,
    caseNo: row.case_no,
    type,
    state,
    orderId: row.order_id,
    orderNo: row.order_no,
    itemIndexes: JSON.parse(row.item_indexes) as number[],
    buyerId: row.buyer_id,
    buyerName: row.buyer_name,
    conversationId: row.conversation_id,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    reason: row.reason,
    refundFen: row.refund_fen === null ? null : Number(row.refund_fen),
    eligibility: eligibilityIn(row.eligibility_json, language),
    deadlineAt: row.deadline_at,
    overdue: !isFinalCaseState(state) && Date.parse(row.deadline_at) < now.getTime(),
    allowedTransitions: caseMovesFrom(type, state),
    returnAddress: row.return_address,
    returnShippingPaidBy: (row.return_shipping_paid_by ?? null) as CaseView['returnShippingPaidBy'],
    returnCarrier: row.return_carrier,
    returnTrackingNo: row.return_tracking_no,
    reshipCarrier: row.reship_carrier,
    reshipTrackingNo: row.reship_tracking_no,
    compensations: record.compensations.map((c) => ({
      id: c.id,
      kind: c.kind as CompensationKind,
      amountFen: Number(c.amount_fen),
      status: c.status as CaseView['compensations'][number]['status'],
      approvalId: c.approval_id,
      requestedBy: { id: c.requested_by, name: c.requested_by_name },
      decisionNote: c.decision_note,
      createdAt: c.created_at,
      appliedAt: c.applied_at,
    })),
    evidence: evidenceOf(type, row.evidence_requested_at, record.evidence),
    guide: GuideStep.options.map((step) => ({ step, doneAt: guideDone[step] ?? null })),
    timeline: record.events.map(presentEvent),
    openedBy: row.opened_by as CaseView['openedBy'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    remindedAt: row.reminded_at,
  };
}

/** The case as its buyer sees it: their request, the policy's answer, progress and goodwill; nothing internal. */
export function presentBuyerCase(record: CaseRecord, language: WordLanguage): BuyerCaseView {
  const { row } = record;
  const type = row.type as CaseType;
  return {
    id: row.id,
    caseNo: row.case_no,
    type,
    state: row.state as CaseState,
    orderId: row.order_id,
    orderNo: row.order_no,
    reason: row.reason,
    refundFen: row.refund_fen === null ? null : Number(row.refund_fen),
    eligibility: eligibilityIn(row.eligibility_json, language),
    returnAddress: row.return_address,
    returnShippingPaidBy: (row.return_shipping_paid_by ?? null) as BuyerCaseView['returnShippingPaidBy'],
    returnTrackingNo: row.return_tracking_no,
    reshipCarrier: row.reship_carrier,
    reshipTrackingNo: row.reship_tracking_no,
    compensations: record.compensations
      .filter((c) => c.status === 'applied' && c.applied_at)
      .map((c) => ({ kind: c.kind as CompensationKind, amountFen: Number(c.amount_fen), appliedAt: c.applied_at! })),
    evidence: evidenceOf(type, row.evidence_requested_at, record.evidence),
    // Opening is the step into 待处理; each move after it, a step to where it went.
    progress: record.events
      .filter((e) => e.to_state !== null || e.kind === 'opened')
      .map((e) => ({ state: (e.to_state ?? 'pending') as CaseState, at: e.at })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function eligibilityIn(json: string, language: WordLanguage): CaseEligibility {
  const stored = JSON.parse(json) as CaseEligibility;
  const worded = stored.reasonText ? wordServerText(stored.reasonText, language) : null;
  return { ...stored, reason: worded ?? stored.reason };
}

function presentEvent(event: CaseEventRow): CaseTimelineEntry {
  return {
    id: event.id,
    kind: event.kind,
    fromState: event.from_state as CaseState | null,
    toState: event.to_state as CaseState | null,
    note: event.note,
    actor: { kind: event.actor_kind as CaseTimelineEntry['actor']['kind'], id: event.actor_id, name: event.actor_name },
    data: event.data_json ? (JSON.parse(event.data_json) as Record<string, unknown>) : null,
    at: event.at,
  };
}

/** The type's checklist with the photos uploaded against each item, and the items still missing. */
function evidenceOf(type: CaseType, requestedAt: string | null, rows: EvidenceRow[]) {
  const checklist = EVIDENCE_CHECKLISTS[type] ?? [];
  const items: EvidenceItem[] = checklist.map((item) => ({
    ...item,
    photos: rows
      .filter((r) => r.item_key === item.key)
      .map((r) => ({
        id: r.attachment_id,
        url: `/api/v1/attachments/${r.attachment_id}`,
        thumbnailUrl: `/api/v1/attachments/${r.attachment_id}?thumb=1`,
        uploadedAt: r.uploaded_at,
      })),
  }));
  return {
    requested: requestedAt !== null,
    requestedAt,
    items,
    missing: items.filter((i) => i.photos.length === 0).map((i) => i.key),
  };
}

/** A case in brief, as the buyer's customer record lists it. */
export function presentCaseSummary(
  row: {
    id: string;
    case_no: string;
    type: string;
    state: string;
    order_id: string;
    order_no: string;
    deadline_at: string;
    created_at: string;
  },
  now: Date,
) {
  return {
    id: row.id,
    caseNo: row.case_no,
    type: row.type,
    state: row.state,
    orderId: row.order_id,
    orderNo: row.order_no,
    overdue: !isFinalCaseState(row.state) && Date.parse(row.deadline_at) < now.getTime(),
    createdAt: row.created_at,
  };
}
