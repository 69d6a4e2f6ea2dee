import { reviewLevelOf, type ReviewOutcome, type ReviewView, type TaskView } from '@golddesk/contracts';
import type { ReviewRecord } from './review.repository.js';

/** The only way a review leaves the server (agents; buyers never see the shop's follow-up). */
export function presentReview(row: ReviewRecord): ReviewView {
  return {
    id: row.id,
    externalId: row.external_id,
    rating: Number(row.rating),
    level: reviewLevelOf(Number(row.rating)),
    text: row.text,
    pictures: JSON.parse(row.pictures_json) as string[],
    orderId: row.order_id,
    orderNo: row.order_no,
    buyerId: row.buyer_id,
    buyerNick: row.buyer_nick,
    conversationId: row.conversation_id,
    caseIds: row.case_ids,
    reviewedAt: row.reviewed_at,
    receivedAt: row.received_at,
    followUp:
      row.task_id && row.task_status && row.task_due_at
        ? { taskId: row.task_id, status: row.task_status as TaskView['status'], dueAt: row.task_due_at }
        : null,
    outcome: row.outcome as ReviewOutcome | null,
    outcomeNote: row.outcome_note,
    outcomeAt: row.outcome_at,
    outcomeBy: row.outcome_by,
  };
}
