import {
  CARRIERS,
  normaliseTrackingNo,
  serverText,
  storeServerText,
  trackingNoLooksValid,
  type OrderActionResponse,
  type ShipOrderRequest,
} from '@golddesk/contracts';
import type { CommandContext } from '../../../platform/app-context.js';
import type { AgentPrincipal } from '../../../platform/http/auth.js';
import { AppError } from '../../../platform/http/errors.js';
import { runOrderAction } from '../../orders/index.js';
import { updateOrder } from '../../orders/index.js';
import { transition } from '../../orders/index.js';
import type { Queryable } from '../../../platform/db/database.js';
import { markNoticeSent } from '../notice.repository.js';
import { readLogisticsSettings } from '../logistics-settings.js';
import { insertTrackingEvent } from '../tracking.repository.js';

/** The carrier, checked against the shop's enabled carriers, and the number in its printed form. */
async function checkedParcel(db: Queryable, shopId: string, props: ShipOrderRequest) {
  const carrier = CARRIERS.find((c) => c.code === props.carrier)!;
  const settings = await readLogisticsSettings(db, shopId);
  if (!settings.enabledCarriers.includes(carrier.code))
    throw new AppError('carrier_not_enabled', { carrier: carrier.name, carrierEn: carrier.code });
  const trackingNo = normaliseTrackingNo(props.trackingNo);
  if (!trackingNoLooksValid(carrier, trackingNo)) {
    throw new AppError('tracking_no_invalid', {
      trackingNo: props.trackingNo.trim(),
      carrier: carrier.name,
      carrierEn: carrier.code,
      example: carrier.example,
    });
  }
  // As the tracking lines and the buyer's notices name the parcel (the code words it in English).
  const parcel = { carrier: carrier.name, carrierCode: carrier.code, trackingNo };
  return { carrier, trackingNo, parcel };
}

/**
 * 发货: a paid order gets its carrier and tracking number and moves to 已发货; the buyer is told in chat
 * (which counts as the "shipped" notice, so an integration event later does not repeat it).
 */
export function shipOrder(
  ctx: CommandContext<AgentPrincipal>,
  orderId: string,
  props: ShipOrderRequest,
): Promise<OrderActionResponse> {
  const { shopId } = ctx.actor;
  return runOrderAction(ctx, {
    action: 'ship',
    orderId,
    request: props,
    plan: async ({ order }, trx, now) => {
      const { carrier, trackingNo, parcel } = await checkedParcel(trx, shopId, props);
      return {
        apply: async (t) => {
          await updateOrder(t, order.id, {
            ...transition(order, 'shipped', now),
            carrier: carrier.name,
            tracking_no: trackingNo,
          });
          await insertTrackingEvent(t, {
            shopId,
            orderId: order.id,
            carrier: carrier.name,
            trackingNo,
            status: 'shipped',
            description: storeServerText(serverText('tracking.seller_shipped', parcel).coded),
            location: null,
            occurredAt: now,
            createdAt: now,
          });
          await markNoticeSent(t, shopId, order.id, 'shipped', now);
        },
        audit: {
          action: 'order.shipped',
          before: { status: order.status },
          after: { status: 'shipped', carrier: carrier.name, trackingNo },
        },
        announcement: serverText('order.shipped', { orderNo: order.order_no, ...parcel }),
      };
    },
  });
}

/** 修改运单号 on a shipped order (a typo, or the parcel was re-sent with another carrier); the buyer gets the new number. */
export function updateTrackingNumber(
  ctx: CommandContext<AgentPrincipal>,
  orderId: string,
  props: ShipOrderRequest,
): Promise<OrderActionResponse> {
  const { shopId } = ctx.actor;
  return runOrderAction(ctx, {
    action: 'update_tracking',
    orderId,
    request: props,
    plan: async ({ order }, trx, now) => {
      const { carrier, trackingNo, parcel } = await checkedParcel(trx, shopId, props);
      return {
        apply: async (t) => {
          await updateOrder(t, order.id, { carrier: carrier.name, tracking_no: trackingNo, updated_at: now });
          await insertTrackingEvent(t, {
            shopId,
            orderId: order.id,
            carrier: carrier.name,
            trackingNo,
            status: 'note',
            description: storeServerText(
              serverText('tracking.number_corrected', {
                ...parcel,
                previous: [order.carrier, order.tracking_no].filter(Boolean).join(' '),
              }).coded,
            ),
            location: null,
            occurredAt: now,
            createdAt: now,
          });
        },
        audit: {
          action: 'order.tracking_updated',
          before: { carrier: order.carrier, trackingNo: order.tracking_no },
          after: { carrier: carrier.name, trackingNo },
        },
        announcement: serverText('order.tracking_changed', { orderNo: order.order_no, ...parcel }),
      };
    },
  });
}
