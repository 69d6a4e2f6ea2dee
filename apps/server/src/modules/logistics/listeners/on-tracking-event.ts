import {
  findCarrier,
  serverText,
  storeServerText,
  type ExceptionKind,
  type NoticeKind,
  type ServerTextLine,
} from '@golddesk/contracts';
import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { publishStoredMessages } from '../../conversations/index.js';
import { writeSystemMessage } from '../../conversations/index.js';
import type { StoredMessage } from '../../conversations/index.js';
import { presentOrderCard } from '../../orders/index.js';
import { findOrderWithItems, type OrderRow } from '../../orders/index.js';
import { closeException, findOpenExceptionId, raiseException } from '../exception.repository.js';
import { publishExceptions, type AfterCommit } from '../logistics.events.js';
import { readLogisticsSettings } from '../logistics-settings.js';
import { markNoticeSent } from '../notice.repository.js';

export interface TrackingEventContext {
  trx: Transaction<Database>;
  shopId: string;
  /** Processing time (ISO). */
  now: string;
  /** Collected and run by the caller once its transaction committed. */
  afterCommit: AfterCommit[];
}

export interface TrackingEventFacts {
  status: string;
  description: string;
  location?: string | null;
}

const DAMAGED = /破损|损坏|破裂|压坏|damaged/i;

/** Which exception a tracking event means for the agents, if any. */
export function exceptionKindOf(event: TrackingEventFacts): ExceptionKind | undefined {
  if (DAMAGED.test(event.description) || DAMAGED.test(event.status)) return 'damaged';
  if (event.status === 'returned') return 'returned';
  if (event.status === 'exception') return 'exception';
  return undefined;
}

/**
 * A tracking event was stored for `order` (by the store integration): raise an exception to the agents when
 * the parcel is returned, damaged or stuck (one open per order and kind, however often the event arrives),
 * close a "no update" exception now that there is news, and send the buyer the opt-in notice for shipped /
 * out for delivery / signed, once per order and kind. Runs in the caller's transaction.
 */
export async function onTrackingEvent(ctx: TrackingEventContext, order: OrderRow, event: TrackingEventFacts): Promise<void> {
  const { trx, shopId, now } = ctx;
  const exceptionIds: string[] = [];
  const kind = exceptionKindOf(event);
  if (kind) {
    const detail = `${event.description}${event.location ? `（${event.location}）` : ''}`;
    const id = await raiseException(trx, { shopId, orderId: order.id, kind, detail, at: now });
    if (id) exceptionIds.push(id);
  }
  const stalled = await findOpenExceptionId(trx, shopId, order.id, 'no_update');
  if (
    stalled &&
    (await closeException(
      trx,
      shopId,
      stalled.id,
      { id: null, name: '系统' },
      storeServerText(serverText('exception.tracking_resumed').coded),
      now,
    ))
  )
    exceptionIds.push(stalled.id);

  const notice = await sendNotice(trx, shopId, order, event.status, now);
  if (exceptionIds.length || notice) {
    ctx.afterCommit.push((app) => {
      if (notice) publishStoredMessages(app, [notice], ['system']);
      publishExceptions(app, shopId, exceptionIds);
    });
  }
}

const NOTICE_KINDS: readonly string[] = ['shipped', 'out_for_delivery', 'signed'] satisfies NoticeKind[];

async function sendNotice(
  trx: Transaction<Database>,
  shopId: string,
  order: OrderRow,
  status: string,
  now: string,
): Promise<StoredMessage | undefined> {
  if (!NOTICE_KINDS.includes(status)) return undefined;
  const kind = status as NoticeKind;
  const settings = await readLogisticsSettings(trx, shopId);
  if (!settings.notices[kind]) return undefined;
  if (!(await markNoticeSent(trx, shopId, order.id, kind, now))) return undefined;
  const current = (await findOrderWithItems(trx, shopId, order.id))!;
  const notice = noticeText(kind, current.order);
  return writeSystemMessage(trx, {
    shopId,
    buyerId: order.buyer_id,
    body: notice.text,
    payload: { order: presentOrderCard(current), notice: notice.coded },
    at: now,
  });
}

const NOTICE_CODES = { shipped: 'order.shipped', out_for_delivery: 'parcel.out_for_delivery', signed: 'parcel.signed' } as const;

/** What the buyer reads: the real status, no promise about when it arrives (coded, for agents reading in English). */
export function noticeText(kind: NoticeKind, order: Pick<OrderRow, 'order_no' | 'carrier' | 'tracking_no'>): ServerTextLine {
  return serverText(NOTICE_CODES[kind], {
    orderNo: order.order_no,
    carrier: order.carrier ?? '',
    carrierCode: findCarrier(order.carrier)?.code ?? '',
    trackingNo: order.tracking_no ?? '',
  });
}
