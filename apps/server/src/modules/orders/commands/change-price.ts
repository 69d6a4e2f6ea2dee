import { formatFen, serverText, type ChangePriceRequest, type OrderActionResponse } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { Queryable } from '../../../platform/db/database.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { newId } from '../../../platform/ids.js';
import { presentApproval } from '../../approvals/index.js';
import { findApproval, insertApproval } from '../../approvals/index.js';
import { runOrderAction } from '../order-action.js';
import { discountLimitOf, readDiscountLimits } from '../discount-limits.js';
import { updateOrder, type OrderRow } from '../order.repository.js';

/**
 * 改价 on an unpaid order. Within the role's discount limit it applies at once; beyond it, it becomes
 * an approval request to a manager (the order is untouched until then). Raising the price is never limited.
 */
export function changePrice(
  ctx: CommandContext<AgentPrincipal>,
  orderId: string,
  props: ChangePriceRequest,
): Promise<OrderActionResponse> {
  const { actor } = ctx;
  return runOrderAction(ctx, {
    action: 'change_price',
    orderId,
    request: props,
    plan: async ({ order }, trx, now) => {
      const original = Number(order.original_total_fen ?? order.total_fen);
      const discount = props.newTotalFen < original ? 1 - props.newTotalFen / original : 0;
      const limit = discountLimitOf(actor, await readDiscountLimits(trx, actor.shopId));
      if (discount > limit + 1e-9) {
        const approvalId = newId();
        const payload = {
          newTotalFen: props.newTotalFen,
          currentTotalFen: Number(order.total_fen),
          originalTotalFen: original,
          discount,
          limit,
        };
        return {
          apply: (t) =>
            insertApproval(t, {
              id: approvalId,
              shop_id: actor.shopId,
              kind: 'order.change_price',
              status: 'pending',
              target_id: order.id,
              order_id: order.id,
              payload_json: JSON.stringify(payload),
              reason: props.reason ?? null,
              requested_by: actor.agentId,
              requested_by_name: actor.name,
              decided_by: null,
              decided_by_name: null,
              decision_note: null,
              created_at: now,
              decided_at: null,
            }),
          audit: {
            action: 'order.price_change_requested',
            before: { totalFen: Number(order.total_fen) },
            after: { requestedTotalFen: props.newTotalFen, discount, limit, approvalId },
          },
          approvalId,
        };
      }
      return priceChangePlan(order, props.newTotalFen, now, props.reason);
    },
    presentApproval: async (trx, approvalId) => ({
      result: 'approval_requested',
      approval: presentApproval((await findApproval(trx, actor.shopId, approvalId))!),
    }),
  });
}

/** An approved 改价 request, as the approval hands it over. */
export interface ApprovedPriceChange {
  /** The request; its change is applied at most once. */
  approvalId: string;
  orderId: string;
  newTotalFen: number;
  /** The requester's reason, audited like a direct change's. */
  reason: string | null;
  /** Who asked, named in the audit next to the approver (the actor). */
  requestedByName: string;
}

/**
 * Applies an approved 改价 as the approver's order action: the same state check, change, audit, chat line and
 * publishing as a direct change, with the request noted in the audit and no discount limit (the approver's decision
 * is the authority). Called with the approval's transaction (ctx.transaction), so both commit or neither.
 */
export function applyApprovedPriceChange(
  ctx: CommandContext<AgentPrincipal>,
  approved: ApprovedPriceChange,
): Promise<OrderActionResponse> {
  const request = { requestId: approved.approvalId, newTotalFen: approved.newTotalFen };
  return runOrderAction(ctx, {
    action: 'change_price',
    orderId: approved.orderId,
    request,
    // Deciding twice is answered by the approval itself before this runs. The key derived from the approval is a
    // second guard (one change per request, whoever retries), kept apart from clients' order-action:<requestId> keys
    // so no client requestId can collide with it.
    idempotencyKey: `approval:${approved.approvalId}`,
    plan: ({ order }, _trx, now) => {
      const plan = priceChangePlan(order, approved.newTotalFen, now, approved.reason);
      const after = { ...plan.audit.after, approvalId: approved.approvalId, requestedBy: approved.requestedByName };
      return { ...plan, audit: { ...plan.audit, after } };
    },
  });
}

/** The price change itself, direct or approved. */
function priceChangePlan(order: OrderRow, newTotalFen: number, now: string, reason?: string | null) {
  const before = Number(order.total_fen);
  return {
    apply: async (trx: Queryable) => {
      await updateOrder(trx, order.id, {
        total_fen: newTotalFen,
        original_total_fen: order.original_total_fen ?? before,
        updated_at: now,
      });
    },
    audit: {
      action: 'order.price_changed',
      before: { totalFen: before },
      after: { totalFen: newTotalFen, reason: reason ?? null },
    },
    announcement: serverText('order.price_changed', {
      orderNo: order.order_no,
      before: formatFen(before),
      after: formatFen(newTotalFen),
    }),
  };
}
