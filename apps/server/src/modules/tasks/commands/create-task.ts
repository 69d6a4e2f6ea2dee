import { storeServerText, type ServerText, type TaskKind } from '@golddesk/contracts';
import type { AppContext, OpenTransaction } from '../../../platform/app-context.js';
import { newId } from '../../../platform/ids.js';
import { publishTask } from '../task.events.js';
import { TASK_INBOXES } from '../task.policy.js';
import { insertTaskOnce } from '../task.repository.js';

export interface CreateTaskProps {
  shopId: string;
  kind: TaskKind;
  /** What to do, coded (换货发出：订单 …，售后 …), so a colleague reading English sees it in English. */
  title: ServerText;
  dueAt: Date;
  caseId?: string;
  orderId?: string;
  buyerId?: string;
  /** One person rather than the role's inbox (the manager who calls back). */
  assignee?: { id: string; name: string };
  /** Makes creation idempotent: the same source asks for one task (e.g. `case:<id>:qc_inspect`). */
  sourceKey: string;
}

/** Puts a task in its inbox in the caller's transaction; colleagues see it once that commits. */
export async function createTask(ctx: { app: AppContext; transaction: OpenTransaction }, props: CreateTaskProps) {
  const { app, transaction } = ctx;
  const task = await insertTaskOnce(transaction.trx, {
    id: newId(),
    shop_id: props.shopId,
    kind: props.kind,
    status: 'open',
    role: TASK_INBOXES[props.kind].role,
    assignee_id: props.assignee?.id ?? null,
    assignee_name: props.assignee?.name ?? null,
    title: storeServerText(props.title),
    case_id: props.caseId ?? null,
    order_id: props.orderId ?? null,
    buyer_id: props.buyerId ?? null,
    due_at: props.dueAt.toISOString(),
    result_json: null,
    source_key: props.sourceKey,
    created_at: app.now().toISOString(),
    done_at: null,
    done_by_name: null,
  });
  transaction.afterCommit(() => publishTask(app, task));
  return task;
}
