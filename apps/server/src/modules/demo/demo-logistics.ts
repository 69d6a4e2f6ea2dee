import { CARRIERS, findCarrier, serverText, storeServerText, type CarrierCode } from '@golddesk/contracts';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { raiseException } from '../logistics/index.js';
import { writeLogisticsSettings } from '../logistics/index.js';
import {
  insertDemoCourierRules,
  insertDemoTrackingEvents,
  listDemoShippedOrders,
  setDemoOrderTimes,
} from './demo-seed.repository.js';

const HOUR = 60 * 60_000;

/** 快递选择原则及资费标准 of the demo shop (a Hangzhou warehouse): cheap nearby, 天天 for the rest, EMS for remote areas. */
const DEMO_RULES: {
  carrier: CarrierCode;
  provinces: string[];
  first: number;
  extra: number;
  days: string;
  priority: number;
  enabled?: boolean;
}[] = [
  { carrier: 'YTO', provinces: ['浙江省', '江苏省', '上海市', '安徽省'], first: 500, extra: 100, days: '1-2', priority: 1 },
  { carrier: 'STO', provinces: ['浙江省', '江苏省', '上海市'], first: 500, extra: 200, days: '1-2', priority: 2 },
  {
    carrier: 'ZTO',
    provinces: ['广东省', '福建省', '江西省', '湖南省', '湖北省', '河南省', '山东省', '北京市', '天津市', '河北省'],
    first: 800,
    extra: 400,
    days: '2-3',
    priority: 1,
  },
  {
    carrier: 'YD',
    provinces: ['四川省', '重庆市', '陕西省', '云南省', '贵州省', '广西壮族自治区'],
    first: 1000,
    extra: 500,
    days: '3-4',
    priority: 1,
  },
  {
    carrier: 'EMS',
    provinces: ['新疆维吾尔自治区', '西藏自治区', '青海省', '内蒙古自治区', '宁夏回族自治区', '甘肃省'],
    first: 2000,
    extra: 1000,
    days: '5-7',
    priority: 1,
  },
  { carrier: 'TTK', provinces: ['default'], first: 1200, extra: 600, days: '3-5', priority: 2 },
  { carrier: 'SF', provinces: ['default'], first: 1800, extra: 800, days: '1-2', priority: 5 },
];

/** The demo buyers whose parcels have a problem: 追风的少年 (stalled; he asks in chat) and a returned one. */
const STALLED_BUYER = 'demo-buyer-003';
const RETURNED_BUYER = 'demo-buyer-009';

/**
 * Logistics for the demo shop: its carriers and courier rules, a realistic timeline for every shipped parcel
 * (揽收 → 运输中 → 派送中 → 签收), parcels on the way shipped in the last two days, one stalled for days and one
 * returned, each raised as an exception.
 */
export async function seedDemoLogistics(trx: Transaction<Database>, shopId: string, now: Date) {
  const at = (ms: number) => new Date(ms).toISOString();
  await writeLogisticsSettings(trx, shopId, {
    enabledCarriers: ['SF', 'YTO', 'STO', 'ZTO', 'YD', 'TTK', 'EMS'],
    noUpdateDays: 3,
    notices: { shipped: false, out_for_delivery: false, signed: false },
  });
  await insertDemoCourierRules(
    trx,
    DEMO_RULES.map((r, position) => ({
      id: newId(),
      shop_id: shopId,
      carrier: r.carrier,
      provinces_json: JSON.stringify(r.provinces),
      first_weight_fen: r.first,
      additional_fen: r.extra,
      delivery_days: r.days,
      priority: r.priority,
      enabled: r.enabled === false ? 0 : 1,
      position,
      updated_at: at(now.getTime()),
    })),
  );

  const orders = await listDemoShippedOrders(trx, shopId);
  let inTransit = 0;
  const special = new Set<string>();
  for (const order of orders) {
    const carrier = order.carrier ?? '快递';
    const city = order.city ?? '目的地';
    const short = CARRIERS.find((c) => c.name === carrier)?.short ?? carrier;
    const steps: [number, string, string, string][] = [
      [
        0,
        'shipped',
        storeServerText(
          serverText('tracking.seller_shipped', {
            carrier,
            carrierCode: findCarrier(carrier)?.code ?? '',
            trackingNo: order.tracking_no ?? '',
          }).coded,
        ),
        '',
      ],
      [2, 'in_transit', `${short}杭州余杭区公司 已揽收`, '杭州市'],
      [8, 'in_transit', `已离开 杭州转运中心，发往 ${city}转运中心`, '杭州市'],
      [26, 'in_transit', `已到达 ${city}转运中心`, city],
      [40, 'out_for_delivery', `${city}城区营业部 派件员 王师傅 正在为您派件`, city],
    ];
    let shippedMs = Date.parse(order.shipped_at!);
    let until = order.signed_at ? Date.parse(order.signed_at) : now.getTime();
    let tail: [number, string, string, string][] = [];
    let exception: { kind: 'no_update' | 'returned'; detail: string; at: string } | undefined;
    if (order.status === 'shipped') {
      const firstOfBuyer = !special.has(order.visitor_id);
      if (order.visitor_id === STALLED_BUYER && firstOfBuyer) {
        shippedMs = now.getTime() - 6 * 24 * HOUR;
        until = shippedMs + 26 * HOUR;
        const detail = storeServerText(serverText('exception.no_update', { days: '4', last: `已到达 ${city}转运中心` }).coded);
        exception = { kind: 'no_update', detail, at: at(now.getTime() - 20 * HOUR) };
      } else if (order.visitor_id === RETURNED_BUYER && firstOfBuyer) {
        shippedMs = now.getTime() - 4 * 24 * HOUR;
        tail = [
          [52, 'exception', `派送不成功：收件人电话无人接听，包裹暂存${city}城区营业部`, city],
          [84, 'returned', '包裹已退回：收件人拒收，正在返回寄件地址', city],
        ];
        exception = {
          kind: 'returned',
          detail: `包裹已退回：收件人拒收，正在返回寄件地址（${city}）`,
          at: at(shippedMs + 84 * HOUR),
        };
      } else {
        // Parcels on the way left within the last two days.
        shippedMs = now.getTime() - (14 + (inTransit++ % 4) * 8) * HOUR;
      }
      special.add(order.visitor_id);
      await setDemoOrderTimes(trx, order.id, {
        placed_at: at(shippedMs - 20 * HOUR),
        paid_at: at(shippedMs - 20 * HOUR + 5 * 60_000),
        shipped_at: at(shippedMs),
      });
    } else {
      tail = [[(until - shippedMs) / HOUR, 'signed', `已签收，签收人：本人。感谢使用${carrier}，期待再次为您服务`, city]];
    }
    const events = [
      ...steps.filter(
        ([h]) =>
          shippedMs + h * HOUR <= Math.min(until, now.getTime()) && (order.status === 'shipped' || shippedMs + h * HOUR < until),
      ),
      ...tail,
    ];
    await insertDemoTrackingEvents(
      trx,
      events.map(([hours, status, description, location]) => ({
        id: newId(),
        shop_id: shopId,
        order_id: order.id,
        carrier,
        tracking_no: order.tracking_no,
        status,
        description,
        location: location || null,
        occurred_at: at(shippedMs + hours * HOUR),
        created_at: at(shippedMs + hours * HOUR),
      })),
    );
    if (exception) await raiseException(trx, { shopId, orderId: order.id, ...exception });
  }
}
