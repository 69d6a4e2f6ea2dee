import type { OrderActionResponse, OrderView } from '@golddesk/contracts';
import type { Transaction } from 'kysely';
import type { AppContext, CommandContext } from '../../platform/app-context.js';
import type { Database } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import type { AgentPrincipal } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { publishStoredMessages } from '../messages/message.events.js';
import type { StoredMessage } from '../messages/message.repository.js';
import { writeSystemMessage } from '../messages/commands/write-system-message.js';
import { mayRunOrderAction } from './order.policy.js';
import { presentOrder, presentOrderCard } from './order.presenter.js';
import { findOrderWithItems, type OrderWithItems } from './order.repository.js';
import { actionAllowedIn, ORDER_STATUS_NAMES, type OrderActionName } from './order.state-machine.js';

/** What an action decided to do with the order it was given (loaded and locked in the transaction). */
export interface OrderActionPlan {
  /** Writes the change (or the approval request) in the transaction. */
  apply(trx: Transaction<Database>): Promise<void>;
  /** Audit: the action name and the fields before → after. */
  audit: { action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };
  /** What the buyer reads in chat; omitted for seller-internal changes (备注). */
  announcement?: string;
  /** Set when the action became an approval request instead of a change. */
  approvalId?: string;
}

export interface OrderActionRun {
  action: OrderActionName;
  orderId: string;
  /** Client-chosen; the same id again returns the first answer without doing anything. */
  requestId: string;
  plan(order: OrderWithItems, trx: Transaction<Database>, now: string): Promise<OrderActionPlan> | OrderActionPlan;
  /** Presents the approval an action created (改价 beyond the limit). */
  presentApproval?(trx: Transaction<Database>, approvalId: string): Promise<OrderActionResponse>;
}

const ACTION_NAMES: Record<OrderActionName, { zh: string; en: string }> = {
  change_price: { zh: '改价', en: 'change the price' },
  change_receiver: { zh: '修改收货信息', en: 'change the receiver' },
  change_sku: { zh: '修改商品规格', en: 'change the SKU' },
  set_memo: { zh: '修改备注', en: 'change the memo' },
  close: { zh: '关闭订单', en: 'close the order' },
  ship: { zh: '发货', en: 'ship the order' },
  update_tracking: { zh: '修改运单号', en: 'change the tracking number' },
};

/**
 * Runs one order action: role check, idempotency, load, state check, change + audit + system message in
 * one transaction, events after the commit. Every order action goes through here.
 */
export async function runOrderAction(ctx: CommandContext<AgentPrincipal>, run: OrderActionRun): Promise<OrderActionResponse> {
  const { app, actor } = ctx;
  if (!mayRunOrderAction(actor.role, run.action)) throw new AppError('forbidden');
  const key = `order-action:${run.requestId}`;
  const answered = await findAnswer(app.storage.db, actor.shopId, key);
  if (answered) return answered;

  let announced: StoredMessage | undefined;
  let view: OrderView | undefined;
  let response: OrderActionResponse;
  try {
    response = await app.storage.db.transaction().execute(async (trx) => {
      const again = await findAnswer(trx, actor.shopId, key);
      if (again) return again;
      const order = await findOrderWithItems(trx, actor.shopId, run.orderId);
      if (!order) throw new AppError('not_found', { thing: 'order' });
      if (!actionAllowedIn(run.action, order.order.status)) throw stateError(order, run.action);
      const now = app.now().toISOString();
      const plan = await run.plan(order, trx, now);
      await plan.apply(trx);
      await recordAudit(trx, {
        shopId: actor.shopId, actor: { kind: 'agent', id: actor.agentId, name: actor.name }, action: plan.audit.action,
        targetType: 'order', targetId: order.order.id, before: plan.audit.before, after: plan.audit.after, at: now,
      });
      let answer: OrderActionResponse;
      if (plan.approvalId && run.presentApproval) {
        answer = await run.presentApproval(trx, plan.approvalId);
      } else {
        const updated = (await findOrderWithItems(trx, actor.shopId, order.order.id))!;
        view = presentOrder(updated);
        if (plan.announcement) {
          announced = await writeSystemMessage(trx, {
            shopId: actor.shopId, buyerId: updated.order.buyer_id, body: plan.announcement,
            payload: { order: presentOrderCard(updated) }, at: now,
          });
        }
        answer = { result: 'applied', order: view };
      }
      await trx.insertInto('idempotency_keys').values({
        shop_id: actor.shopId, key, response_json: JSON.stringify(answer), created_at: now,
      }).execute();
      return answer;
    });
  } catch (error) {
    // The same requestId racing on another process: it committed first, so its answer stands.
    const raced = !(error instanceof AppError) && (await findAnswer(app.storage.db, actor.shopId, key));
    if (raced) return raced;
    throw error;
  }
  if (announced) publishStoredMessages(app, [announced], ['system']);
  if (view) announceOrder(app, actor.shopId, view);
  if (response.result === 'approval_requested') {
    app.bus.publish({ type: 'approval.updated', shopId: actor.shopId, approval: response.approval });
  }
  return response;
}

/** Agents' right panes (and webhooks) learn the order changed, on any process. */
export function announceOrder(app: AppContext, shopId: string, order: OrderView) {
  app.bus.publish({ type: 'order.updated', shopId, order, eventId: newId() });
}

async function findAnswer(db: Parameters<typeof findOrderWithItems>[0], shopId: string, key: string) {
  const row = await db.selectFrom('idempotency_keys').select('response_json').where('shop_id', '=', shopId).where('key', '=', key)
    .executeTakeFirst();
  return row ? (JSON.parse(row.response_json) as OrderActionResponse) : undefined;
}

function stateError({ order }: OrderWithItems, action: OrderActionName) {
  const status = order.status as keyof typeof ORDER_STATUS_NAMES;
  return new AppError('order_state_forbids', {
    orderNo: order.order_no, status: ORDER_STATUS_NAMES[status] ?? order.status, statusEn: order.status.replace('_', ' '),
    action: ACTION_NAMES[action].zh, actionEn: ACTION_NAMES[action].en,
  });
}
