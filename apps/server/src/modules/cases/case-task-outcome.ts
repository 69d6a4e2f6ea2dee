import type { TaskOutcome } from '../tasks/index.js';
import { applyCaseChange, caseActorOf } from './case-change.js';
import { moveCase } from './case-moves.js';
import { findCaseRecord } from './case.repository.js';

/**
 * What a colleague's finished task means to its case: the warehouse's parcel ships the replacement (the buyer is
 * told with the tracking number), finance's refund completes a case waiting for it, QC's finding and the manager's
 * call go on the timeline.
 */
export const caseTaskOutcome: TaskOutcome = async (ctx, task, result) => {
  if (!task.case_id) return;
  const record = await findCaseRecord(ctx.transaction.trx, ctx.actor.shopId, task.case_id);
  if (!record) return;
  const actor = caseActorOf(ctx.actor);
  const note = typeof result.note === 'string' ? result.note : undefined;
  if (task.kind === 'warehouse_ship' && record.row.state === 'awaiting_reship') {
    await moveCase(
      ctx,
      record,
      'reshipped',
      { carrier: String(result.carrier ?? ''), trackingNo: String(result.trackingNo ?? ''), note, data: { taskId: task.id } },
      actor,
    );
    return;
  }
  if (task.kind === 'finance_refund' && record.row.state === 'awaiting_refund') {
    await moveCase(ctx, record, 'completed', { note, data: { taskId: task.id } }, actor);
    return;
  }
  await applyCaseChange(ctx, record.row, actor, {
    entries: [{ kind: 'task_done', note: note ?? null, data: { taskId: task.id, taskKind: task.kind, ...result } }],
  });
};
