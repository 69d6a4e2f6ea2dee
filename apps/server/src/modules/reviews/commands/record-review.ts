import { serverText } from '@golddesk/contracts';
import type { AppContext, OpenTransaction } from '../../../platform/app-context.js';
import { newId } from '../../../platform/ids.js';
import { createTask } from '../../tasks/index.js';
import { findReviewedOrder, insertReviewOnce, updateReview } from '../review.repository.js';

export interface RecordReviewProps {
  shopId: string;
  /** The marketplace's id of the review (a file without one: derived from the order and the time). */
  externalId: string;
  orderNo: string;
  /** 1–5 stars. */
  rating: number;
  text: string;
  pictures: string[];
  reviewedAt: string;
}

/** Follow-ups are due within two days: marketplaces let a buyer revise a review only for a while. */
const FOLLOW_UP_HOURS = 48;

/**
 * A review arrives (store event or imported file), once per marketplace id, linked to its order and buyer when
 * GoldDesk has them. A mid or negative one (≤ 3 stars) opens a follow-up task in the reviews inbox, linked to the order
 * and buyer (their chats and cases are one click away). Returns whether it was new.
 */
export async function recordReview(ctx: { app: AppContext; transaction: OpenTransaction }, props: RecordReviewProps) {
  const { trx } = ctx.transaction;
  const order = await findReviewedOrder(trx, props.shopId, props.orderNo);
  const { created, row } = await insertReviewOnce(trx, {
    id: newId(),
    shop_id: props.shopId,
    external_id: props.externalId,
    order_no: props.orderNo,
    order_id: order?.id ?? null,
    buyer_id: order?.buyer_id ?? null,
    rating: props.rating,
    text: props.text,
    pictures_json: JSON.stringify(props.pictures),
    reviewed_at: props.reviewedAt,
    received_at: ctx.app.now().toISOString(),
    task_id: null,
    outcome: null,
    outcome_note: null,
    outcome_at: null,
    outcome_by: null,
  });
  if (!created || props.rating > 3) return { created, reviewId: row.id };
  const task = await createTask(ctx, {
    shopId: props.shopId,
    kind: 'review_follow_up',
    title: serverText('task.review', { rating: String(props.rating), orderNo: props.orderNo, buyer: order?.nick ?? '—' }).coded,
    dueAt: new Date(ctx.app.now().getTime() + FOLLOW_UP_HOURS * 3600_000),
    orderId: order?.id,
    buyerId: order?.buyer_id,
    sourceKey: `review:${row.id}`,
  });
  await updateReview(trx, row.id, { task_id: task.id });
  return { created, reviewId: row.id };
}
