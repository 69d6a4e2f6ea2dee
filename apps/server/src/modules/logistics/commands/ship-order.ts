import { CARRIERS, normaliseTrackingNo, trackingNoLooksValid, type OrderActionResponse, type ShipOrderRequest } from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { runOrderAction } from '../../orders/order-action.js';
import { updateOrder } from '../../orders/order.repository.js';
import { transition } from '../../orders/order.state-machine.js';
import type { Queryable } from '../../../platform/db/database.js';
import { markNoticeSent } from '../listeners/on-tracking-event.js';
import { readLogisticsSettings } from '../logistics-settings.js';
import { insertTrackingEvent } from '../tracking.repository.js';

/** The carrier, checked against the shop's enabled carriers, and the number in its printed form. */
async function checkedParcel(db: Queryable, shopId: string, props: ShipOrderRequest) {
  const carrier = CARRIERS.find((c) => c.code === props.carrier)!;
  const settings = await readLogisticsSettings(db, shopId);
  if (!settings.enabledCarriers.includes(carrier.code)) throw new AppError('carrier_not_enabled', { carrier: carrier.name, carrierEn: carrier.code });
  const trackingNo = normaliseTrackingNo(props.trackingNo);
  if (!trackingNoLooksValid(carrier, trackingNo)) {
    throw new AppError('tracking_no_invalid', { trackingNo: props.trackingNo.trim(), carrier: carrier.name, carrierEn: carrier.code, example: carrier.example });
  }
  return { carrier, trackingNo };
}

/**
 * 发货: a paid order gets its carrier and tracking number and moves to 已发货; the buyer is told in chat
 * (which counts as the "shipped" notice, so an integration event later does not repeat it).
 */
export function shipOrder(ctx: CommandContext<AgentPrincipal>, orderId: string, props: ShipOrderRequest): Promise<OrderActionResponse> {
  const { shopId } = ctx.actor;
  return runOrderAction(ctx, {
    action: 'ship', orderId, request: props,
    plan: async ({ order }, trx, now) => {
      const { carrier, trackingNo } = await checkedParcel(trx, shopId, props);
      return {
        apply: async (t) => {
          await updateOrder(t, order.id, { ...transition(order, 'shipped', now), carrier: carrier.name, tracking_no: trackingNo });
          await insertTrackingEvent(t, {
            shopId, orderId: order.id, carrier: carrier.name, trackingNo, status: 'shipped',
            description: `卖家已发货（${carrier.name} ${trackingNo}）`, location: null, occurredAt: now, createdAt: now,
          });
          await markNoticeSent(t, shopId, order.id, 'shipped', now);
        },
        audit: { action: 'order.ship', before: { status: order.status }, after: { status: 'shipped', carrier: carrier.name, trackingNo } },
        announcement: `亲，您的订单 ${order.order_no} 已发货，${carrier.name} ${trackingNo}。物流有新进展我们会及时告诉您，也可以随时在这里问我们哦~`,
      };
    },
  });
}

/** 修改运单号 on a shipped order (a typo, or the parcel was re-sent with another carrier); the buyer gets the new number. */
export function updateTrackingNumber(ctx: CommandContext<AgentPrincipal>, orderId: string, props: ShipOrderRequest): Promise<OrderActionResponse> {
  const { shopId } = ctx.actor;
  return runOrderAction(ctx, {
    action: 'update_tracking', orderId, request: props,
    plan: async ({ order }, trx, now) => {
      const { carrier, trackingNo } = await checkedParcel(trx, shopId, props);
      return {
        apply: async (t) => {
          await updateOrder(t, order.id, { carrier: carrier.name, tracking_no: trackingNo, updated_at: now });
          await insertTrackingEvent(t, {
            shopId, orderId: order.id, carrier: carrier.name, trackingNo, status: 'note',
            description: `运单号更正为 ${carrier.name} ${trackingNo}（原 ${[order.carrier, order.tracking_no].filter(Boolean).join(' ') || '无'}）`,
            location: null, occurredAt: now, createdAt: now,
          });
        },
        audit: {
          action: 'order.update_tracking',
          before: { carrier: order.carrier, trackingNo: order.tracking_no }, after: { carrier: carrier.name, trackingNo },
        },
        announcement: `亲，您的订单 ${order.order_no} 的运单号已更新为：${carrier.name} ${trackingNo}，之前的单号请以此为准哦~`,
      };
    },
  });
}
