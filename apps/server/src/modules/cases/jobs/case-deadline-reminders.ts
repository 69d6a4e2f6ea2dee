import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.js';
import { defineJob, type JobQueue, type ScheduleDefinition } from '../../../platform/jobs/index.js';
import { listShopSettings, shopSettingOf } from '../../shops/index.js';
import { AftersalePolicy, DEFAULT_AFTERSALE_POLICY } from '@golddesk/contracts';
import { presentCase } from '../case.presenter.js';
import { findCaseRecord, insertCaseEvent, listCasesToRemind, markCaseReminded } from '../case.repository.js';
import { newId } from '../../../platform/ids.js';
import { publishCase } from '../case-change.js';

/** Reminds a case's assignee that its deadline is near (once: reminded_at is set by the first process). */
export const caseDeadlineReminderJob = defineJob({
  id: 'cases.deadline-reminder@1',
  payload: z.object({ shopId: z.string(), caseId: z.string() }),
  async run(app, payload) {
    await remindCaseAssignee(app, payload.shopId, payload.caseId);
  },
});

/**
 * The SLA cron: by the app clock, every open case whose deadline comes within its shop's reminder lead and whose
 * assignee was not reminded yet gets one reminder job (`case-deadline:<caseId>`). Passed deadlines need no job: a
 * case past its deadline is overdue wherever it is read.
 */
export async function scanCaseDeadlines(app: AppContext, queue: JobQueue): Promise<number> {
  const db = app.storage.db;
  const now = app.now().getTime();
  let enqueued = 0;
  for (const shop of await listShopSettings(db)) {
    const policy = shopSettingOf(shop.settings, 'aftersalePolicy', AftersalePolicy, DEFAULT_AFTERSALE_POLICY);
    const until = new Date(now + policy.reminderLeadMinutes * 60_000).toISOString();
    for (const due of await listCasesToRemind(db, shop.id, until, 200)) {
      await queue.enqueue(caseDeadlineReminderJob, { shopId: shop.id, caseId: due.id }, { key: `case-deadline:${due.id}` });
      enqueued += 1;
    }
  }
  return enqueued;
}

async function remindCaseAssignee(app: AppContext, shopId: string, caseId: string) {
  const at = app.now().toISOString();
  const record = await app.storage.db.transaction().execute(async (trx) => {
    if (!(await markCaseReminded(trx, caseId, at))) return undefined;
    const current = await findCaseRecord(trx, shopId, caseId);
    if (!current) return undefined;
    await insertCaseEvent(trx, {
      id: newId(),
      shop_id: shopId,
      case_id: caseId,
      kind: 'deadline_reminded',
      from_state: null,
      to_state: null,
      note: null,
      actor_kind: 'system',
      actor_id: null,
      actor_name: '系统',
      data_json: JSON.stringify({ deadlineAt: current.row.deadline_at, assigneeId: current.row.assignee_id }),
      at,
    });
    return findCaseRecord(trx, shopId, caseId);
  });
  if (!record) return;
  const view = presentCase(record, { now: app.now(), language: 'zh-CN' });
  app.bus.publish({ type: 'case.reminded', shopId, case: view, assigneeId: record.row.assignee_id });
  publishCase(app, record);
}

export const caseDeadlineSchedule: ScheduleDefinition = { id: 'cases.deadline-scan', fanOut: scanCaseDeadlines };
export const CASE_JOBS = [caseDeadlineReminderJob];
