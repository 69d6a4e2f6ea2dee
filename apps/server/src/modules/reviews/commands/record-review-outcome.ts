import { can, type ReviewOutcome } from '@golddesk/contracts';
import { inTransaction, type CommandContext, type TransactionalContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/index.js';
import { closeOpenTask, findTask, publishTask, type TaskWithNumbers } from '../../tasks/index.js';
import { listReviewRecords, updateReview } from '../review.repository.js';

export interface RecordReviewOutcomeProps {
  reviewId: string;
  /** 已修改, 已解释, 未回复, 恶意差评申诉. */
  outcome: ReviewOutcome;
  note?: string;
}

/**
 * How a review's follow-up ended: recorded on the review (who, when) with its follow-up task done. Recording again
 * corrects the outcome (the buyer revised after all). Owner, managers and after-sales.
 */
export async function recordReviewOutcome(ctx: CommandContext<AgentPrincipal>, props: RecordReviewOutcomeProps): Promise<void> {
  const { actor } = ctx;
  if (!can(actor, 'tasks.reviews')) throw new AppError('forbidden');
  await inTransaction(ctx, async (inner) => {
    const [review] = await listReviewRecords(inner.transaction.trx, actor.shopId, { id: props.reviewId }, 1);
    if (!review) throw new AppError('not_found', { thing: 'review' });
    await settleReview(inner, review, props.outcome, props.note);
    if (!review.task_id) return;
    const closed = await closeOpenTask(inner.transaction.trx, review.task_id, {
      status: 'done',
      result_json: JSON.stringify({ reviewOutcome: props.outcome, note: props.note }),
      done_at: inner.app.now().toISOString(),
      done_by_name: actor.name,
    });
    if (closed) {
      const task = (await findTask(inner.transaction.trx, actor.shopId, review.task_id))!;
      inner.transaction.afterCommit(() => publishTask(inner.app, task));
    }
  });
}

/** The outcome on the review, audited (also when the task is completed from the task inbox). */
export async function settleReview(
  ctx: TransactionalContext<AgentPrincipal>,
  review: { id: string; outcome: string | null },
  outcome: ReviewOutcome,
  note: string | undefined,
) {
  const { actor, transaction } = ctx;
  const at = ctx.app.now().toISOString();
  await updateReview(transaction.trx, review.id, { outcome, outcome_note: note ?? null, outcome_at: at, outcome_by: actor.name });
  await recordAudit(transaction.trx, {
    shopId: actor.shopId,
    actor: { kind: 'agent', id: actor.agentId, name: actor.name },
    action: 'review.outcome_recorded',
    targetType: 'review',
    targetId: review.id,
    before: { outcome: review.outcome },
    after: { outcome, note: note ?? null },
    at,
  });
}

/** A review follow-up finished from the task inbox: its outcome goes on the review. */
export async function reviewTaskOutcome(
  ctx: TransactionalContext<AgentPrincipal>,
  task: TaskWithNumbers,
  result: Record<string, unknown>,
) {
  if (task.kind !== 'review_follow_up') return;
  const [review] = await listReviewRecords(ctx.transaction.trx, ctx.actor.shopId, { taskId: task.id }, 1);
  if (!review) return;
  await settleReview(
    ctx,
    review,
    result.reviewOutcome as ReviewOutcome,
    typeof result.note === 'string' ? result.note : undefined,
  );
}
