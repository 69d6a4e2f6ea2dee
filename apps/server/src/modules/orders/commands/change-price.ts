import { serverText, type AgentRole, type ChangePriceRequest, type OrderActionResponse } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { Queryable } from '../../../platform/db/database.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { newId } from '../../../platform/ids.js';
import { presentApproval } from '../../approvals/approval.presenter.js';
import { findApproval, insertApproval } from '../../approvals/approval.repository.js';
import { runOrderAction } from '../order-action.js';
import { DEFAULT_DISCOUNT_LIMITS } from '../order.policy.js';
import type { OrderRow } from '../order.repository.js';
import { readShopSettingsJson, storedShopSetting } from '../../shops/shop-settings.js';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/**
 * 改价 on an unpaid order. Within the role's discount limit it applies at once; beyond it, it becomes
 * an approval request to a manager (the order is untouched until then). Raising the price is never limited.
 */
export function changePrice(ctx: CommandContext<AgentPrincipal>, orderId: string, props: ChangePriceRequest): Promise<OrderActionResponse> {
  const { actor } = ctx;
  return runOrderAction(ctx, {
    action: 'change_price', orderId, request: props,
    plan: async ({ order }, trx, now) => {
      const original = Number(order.original_total_fen ?? order.total_fen);
      const discount = props.newTotalFen < original ? 1 - props.newTotalFen / original : 0;
      const limit = await discountLimit(trx, actor.shopId, actor.role);
      if (discount > limit + 1e-9) {
        const approvalId = newId();
        const payload = { newTotalFen: props.newTotalFen, currentTotalFen: Number(order.total_fen), originalTotalFen: original, discount, limit };
        return {
          apply: (t) => insertApproval(t, {
            id: approvalId, shop_id: actor.shopId, kind: 'order.change_price', status: 'pending', target_id: order.id,
            payload_json: JSON.stringify(payload), reason: props.reason ?? null, requested_by: actor.agentId,
            requested_by_name: actor.name, decided_by: null, decided_by_name: null, decision_note: null, created_at: now, decided_at: null,
          }),
          audit: { action: 'order.change_price_requested', before: { totalFen: Number(order.total_fen) }, after: { requestedTotalFen: props.newTotalFen, discount, limit, approvalId } },
          approvalId,
        };
      }
      return priceChangePlan(order, props.newTotalFen, now, props.reason);
    },
    presentApproval: async (trx, approvalId) => ({
      result: 'approval_requested', approval: presentApproval((await findApproval(trx, actor.shopId, approvalId))!),
    }),
  });
}

/** The price change itself; also what an approved request applies. */
export function priceChangePlan(order: OrderRow, newTotalFen: number, now: string, reason?: string | null) {
  const before = Number(order.total_fen);
  return {
    apply: async (trx: Queryable) => {
      await trx.updateTable('orders').set({
        total_fen: newTotalFen, original_total_fen: order.original_total_fen ?? before, updated_at: now,
      }).where('id', '=', order.id).execute();
    },
    audit: { action: 'order.change_price', before: { totalFen: before }, after: { totalFen: newTotalFen, reason: reason ?? null } },
    announcement: serverText('order.price_changed', { orderNo: order.order_no, before: yuan(before), after: yuan(newTotalFen) }),
  };
}

/** The shop's limit for the role (shop settings override the defaults). */
async function discountLimit(db: Queryable, shopId: string, role: string): Promise<number> {
  // Nobody is above the owner to approve: their changes apply at once, whatever the settings say.
  if (role === 'owner') return 1;
  const configured = storedShopSetting(await readShopSettingsJson(db, shopId), 'discountLimits') as Record<string, number> | undefined;
  const limit = configured?.[role];
  return typeof limit === 'number' ? limit : (DEFAULT_DISCOUNT_LIMITS[role as AgentRole] ?? 0);
}
