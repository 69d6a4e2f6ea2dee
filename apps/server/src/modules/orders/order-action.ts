import {
  statusWord,
  type ApprovalView,
  type OrderActionResponse,
  type OrderView,
  type ServerTextLine,
} from '@golddesk/contracts';
import type { Transaction } from 'kysely';
import { inTransaction, type AppContext, type CommandContext } from '../../platform/app-context.js';
import { findIdempotentAnswer, requestFingerprint, storeIdempotentAnswer } from '../../platform/db/idempotency.js';
import type { Database } from '../../platform/db/schema.js';
import type { Queryable } from '../../platform/db/database.js';
import { recordEvents } from '../../platform/events/outbox.js';
import { newId } from '../../platform/ids.js';
import type { AgentPrincipal } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import { publishApprovals } from '../approvals/index.js';
import { closeStaleApprovals } from './commands/close-stale-approvals.js';
import { recordAudit } from '../audit/index.js';
import { publishStoredMessages } from '../conversations/index.js';
import type { StoredMessage } from '../conversations/index.js';
import { writeSystemMessage } from '../conversations/index.js';
import { mayRunOrderAction } from './order.policy.js';
import { presentOrder, presentOrderCard } from './order.presenter.js';
import { findOrderWithItems, type OrderWithItems } from './order.repository.js';
import { actionAllowedIn, ORDER_ACTION_NAMES, type OrderActionName } from './order.state-machine.js';

/** What an action decided to do with the order it was given (loaded and locked in the transaction). */
export interface OrderActionPlan {
  /** Writes the change (or the approval request) in the transaction. */
  apply(trx: Transaction<Database>): Promise<void>;
  /** Audit: the action name and the fields before → after. */
  audit: { action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };
  /** What the buyer reads in chat (a coded text, so agents may read it in English); omitted for seller-internal changes (备注). */
  announcement?: ServerTextLine;
  /** Set when the action became an approval request instead of a change. */
  approvalId?: string;
}

export interface OrderActionRun {
  action: OrderActionName;
  orderId: string;
  /**
   * The request as validated, with its client-chosen requestId: the same request again returns the first answer
   * without doing anything; the same requestId with another order, action or body is refused (request_id_reused).
   */
  request: { requestId: string };
  /**
   * Where the answer is kept for retries; `order-action:<requestId>` unless the caller is not a client request
   * (an approved request uses a key of its own, so no client requestId can collide with it).
   */
  idempotencyKey?: string;
  plan(order: OrderWithItems, trx: Transaction<Database>, now: string): Promise<OrderActionPlan> | OrderActionPlan;
  /** Presents the approval an action created (改价 beyond the limit). */
  presentApproval?(trx: Transaction<Database>, approvalId: string): Promise<OrderActionResponse>;
}

/** What applying a plan left to publish once the transaction has committed. */
export interface AppliedPlan {
  view: OrderView;
  announced?: StoredMessage;
  /** Requests the order's new state made moot (改价 once paid), closed in the same transaction. */
  closedApprovals: ApprovalView[];
}

/**
 * Runs one order action: role check, idempotency, load, state check, change + audit + system message in
 * one transaction, events after the commit. Every order action goes through here, also when another command
 * runs it inside its own transaction (ctx.transaction): then it writes there and publishes after that commit.
 */
export async function runOrderAction(ctx: CommandContext<AgentPrincipal>, run: OrderActionRun): Promise<OrderActionResponse> {
  const { app, actor } = ctx;
  if (!mayRunOrderAction(actor, run.action)) throw new AppError('forbidden');
  const key = run.idempotencyKey ?? `order-action:${run.request.requestId}`;
  const fingerprint = requestFingerprint({ action: run.action, orderId: run.orderId, request: run.request });
  // Joined to a caller's transaction, every read belongs inside it (and a failure is the caller's to handle).
  const outermost = !ctx.transaction;
  if (outermost) {
    const answered = await findIdempotentAnswer<OrderActionResponse>(app.storage.db, actor.shopId, key, fingerprint);
    if (answered) return answered;
  }
  try {
    return await inTransaction(ctx, async ({ transaction: { trx, afterCommit } }) => {
      const again = await findIdempotentAnswer<OrderActionResponse>(trx, actor.shopId, key, fingerprint);
      if (again) return again;
      const order = await findOrderWithItems(trx, actor.shopId, run.orderId);
      if (!order) throw new AppError('not_found', { thing: 'order' });
      assertActionAllowed(order, run.action);
      const now = app.now().toISOString();
      const plan = await run.plan(order, trx, now);
      let answer: OrderActionResponse;
      if (plan.approvalId && run.presentApproval) {
        await plan.apply(trx);
        await auditPlan(trx, actor, order, plan.audit, now);
        answer = await run.presentApproval(trx, plan.approvalId);
        const requested = answer;
        if (requested.result === 'approval_requested') {
          afterCommit(() => app.bus.publish({ type: 'approval.updated', shopId: actor.shopId, approval: requested.approval }));
        }
      } else {
        const applied = await applyOrderPlan(trx, actor, order, plan, now);
        afterCommit(() => publishApplied(app, actor.shopId, applied));
        answer = { result: 'applied', order: applied.view };
      }
      await storeIdempotentAnswer(trx, { shopId: actor.shopId, key, fingerprint, answer, at: now });
      return answer;
    });
  } catch (error) {
    // The same requestId racing on another process: it committed first, so its answer stands (or is refused if it differs).
    const raced =
      outermost &&
      !(error instanceof AppError) &&
      (await findIdempotentAnswer<OrderActionResponse>(app.storage.db, actor.shopId, key, fingerprint));
    if (raced) return raced;
    throw error;
  }
}

/**
 * Writes a change to a loaded order in the transaction: the change, its audit entry (by the actor), the buyer's
 * chat notice, and the closing of requests the order's new state makes moot.
 */
async function applyOrderPlan(
  trx: Transaction<Database>,
  actor: AgentPrincipal,
  order: OrderWithItems,
  plan: OrderActionPlan,
  now: string,
): Promise<AppliedPlan> {
  await plan.apply(trx);
  await auditPlan(trx, actor, order, plan.audit, now);
  const updated = (await findOrderWithItems(trx, actor.shopId, order.order.id))!;
  const closedApprovals =
    updated.order.status === order.order.status
      ? []
      : await closeStaleApprovals(trx, { shopId: actor.shopId, orderId: order.order.id, at: now });
  let announced: StoredMessage | undefined;
  if (plan.announcement) {
    announced = await writeSystemMessage(trx, {
      shopId: actor.shopId,
      buyerId: updated.order.buyer_id,
      body: plan.announcement.text,
      payload: { order: presentOrderCard(updated), notice: plan.announcement.coded },
      at: now,
    });
  }
  const view = presentOrder(updated);
  await recordOrderUpdated(trx, actor.shopId, view, now);
  return { view, announced, closedApprovals };
}

/** After the commit: the buyer's notice, the agents' order panes, closed requests. */
function publishApplied(app: AppContext, shopId: string, applied: AppliedPlan) {
  if (applied.announced) publishStoredMessages(app, [applied.announced], ['system']);
  announceOrder(app, shopId, applied.view);
  publishApprovals(app, shopId, applied.closedApprovals);
}

async function auditPlan(
  trx: Transaction<Database>,
  actor: AgentPrincipal,
  { order }: OrderWithItems,
  audit: OrderActionPlan['audit'],
  now: string,
) {
  await recordAudit(trx, {
    shopId: actor.shopId,
    actor: { kind: 'agent', id: actor.agentId, name: actor.name },
    action: audit.action,
    targetType: 'order',
    targetId: order.id,
    before: audit.before,
    after: audit.after,
    at: now,
  });
}

/** In the change's transaction: the order.updated that webhooks get (through the outbox, so it cannot be lost). */
export async function recordOrderUpdated(trx: Queryable, shopId: string, order: OrderView, at: string) {
  await recordEvents(trx, [{ type: 'order.updated', shopId, order, eventId: newId() }], at);
}

/** Agents' right panes learn the order changed, on any process (live; webhooks take the outbox's event). */
export function announceOrder(app: AppContext, shopId: string, order: OrderView) {
  app.bus.publish({ type: 'order.updated', shopId, order, eventId: newId() });
}

/** Refuses an action the order's state does not allow, naming the state in the caller's words (已付款 / paid). */
function assertActionAllowed({ order }: OrderWithItems, action: OrderActionName) {
  if (actionAllowedIn(action, order.status)) return;
  throw new AppError('order_state_forbids', {
    orderNo: order.order_no,
    status: statusWord('order', order.status, 'zh-CN'),
    statusEn: statusWord('order', order.status, 'en'),
    action: ORDER_ACTION_NAMES[action].zh,
    actionEn: ORDER_ACTION_NAMES[action].en,
  });
}
