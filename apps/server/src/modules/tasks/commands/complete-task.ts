import type { TaskView } from '@golddesk/contracts';
import { inTransaction, type CommandContext } from '../../../platform/app-context.js';
import { findIdempotentAnswer, requestFingerprint, storeIdempotentAnswer } from '../../../platform/db/idempotency.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/index.js';
import { taskOutcomesOf } from '../task-outcomes.js';
import { taskSourcesOf } from '../task-sources.js';
import { publishTask } from '../task.events.js';
import { mayWorkTask } from '../task.policy.js';
import { presentTask } from '../task.presenter.js';
import { closeOpenTask, findTask } from '../task.repository.js';

export interface CompleteTaskProps {
  taskId: string;
  /** The client's id for this request: sent again, the first answer comes back. */
  requestId: string;
  note?: string;
  /** warehouse_ship: the replacement's parcel. */
  carrier?: string;
  trackingNo?: string;
  /** qc_inspect: what the check found. */
  finding?: 'defect_confirmed' | 'no_defect' | 'inconclusive';
  /** review_follow_up: how it ended. */
  reviewOutcome?: 'revised' | 'explained' | 'no_reply' | 'appealed';
  /** payment_call: how the call went. */
  callOutcome?: 'paid' | 'will_pay' | 'not_interested' | 'no_answer';
}

/**
 * A colleague finishes a task: the task closes with its result, and the work it came from learns of it in the same
 * transaction (a shipped replacement moves its case and tells the buyer). Only the assignee or the task's inbox may.
 */
export async function completeTask(ctx: CommandContext<AgentPrincipal>, props: CompleteTaskProps): Promise<TaskView> {
  const { app, actor } = ctx;
  const key = `task-complete:${props.requestId}`;
  const fingerprint = requestFingerprint({ ...props });
  const answered = await findIdempotentAnswer<TaskView>(app.storage.db, actor.shopId, key, fingerprint);
  if (answered) return answered;
  if (!(await findTask(app.storage.db, actor.shopId, props.taskId))) {
    // Not one of ours: a task another module keeps (a 催付 call) answers for itself.
    for (const source of taskSourcesOf(app)) {
      const done = await source.complete(ctx, props.taskId, props);
      if (done) return done;
    }
    throw new AppError('not_found', { thing: 'task' });
  }
  return inTransaction(ctx, async (inner) => {
    const { trx, afterCommit } = inner.transaction;
    const task = await findTask(trx, actor.shopId, props.taskId);
    if (!task) throw new AppError('not_found', { thing: 'task' });
    if (!mayWorkTask(actor, task)) throw new AppError('forbidden');
    if (task.kind === 'warehouse_ship' && !props.trackingNo) {
      throw new AppError('detail_required', {
        what: '请填写换货/补发包裹的快递公司和运单号',
        whatEn: 'Enter the carrier and tracking number of the parcel',
      });
    }
    if (task.kind === 'review_follow_up' && !props.reviewOutcome) {
      throw new AppError('detail_required', {
        what: '请选择跟进结果（已修改 / 已解释 / 未回复 / 恶意差评申诉）',
        whatEn: 'Choose how the follow-up ended (revised, explained, no reply, appealed)',
      });
    }
    const now = app.now().toISOString();
    const { note, carrier, trackingNo, finding, reviewOutcome } = props;
    const result = Object.fromEntries(
      Object.entries({ note, carrier, trackingNo, finding, reviewOutcome }).filter(([, v]) => v !== undefined),
    );
    const closed = await closeOpenTask(trx, task.id, {
      status: 'done',
      result_json: JSON.stringify(result),
      done_at: now,
      done_by_name: actor.name,
    });
    if (!closed) throw new AppError('task_done');
    await recordAudit(trx, {
      shopId: actor.shopId,
      actor: { kind: 'agent', id: actor.agentId, name: actor.name },
      action: 'task.completed',
      targetType: 'task',
      targetId: task.id,
      before: { status: 'open' },
      after: { status: 'done', kind: task.kind, ...result },
      at: now,
    });
    for (const outcome of taskOutcomesOf(app)) await outcome(inner, task, result);
    const done = (await findTask(trx, actor.shopId, task.id))!;
    afterCommit(() => publishTask(app, done));
    const view = presentTask(done, app.now());
    await storeIdempotentAnswer(trx, { shopId: actor.shopId, key, fingerprint, answer: view, at: now });
    return view;
  });
}
