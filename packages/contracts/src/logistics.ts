import { z } from 'zod';
import { Fen, Id, IsoDateTime } from './common.js';
import { ServerText } from './server-texts.js';

/**
 * Logistics: carriers, the shop's courier rules (快递选择原则及资费标准), tracking timelines, exceptions
 * raised to agents and opt-in buyer notices. The carrier list, province normalisation and pickCourier are
 * plain functions here so the server and the workbench choose a courier the same way.
 */

/** Built-in carriers. `pattern` is a sanity check for typed tracking numbers (spaces removed, upper case). */
export const CARRIERS = [
  { code: 'SF', name: '顺丰速运', short: '顺丰', pattern: /^SF\d{12,15}$/, example: 'SF1234567890123' },
  { code: 'YTO', name: '圆通速递', short: '圆通', pattern: /^YT\d{13,16}$/, example: 'YT4300012345678' },
  { code: 'STO', name: '申通快递', short: '申通', pattern: /^\d{12,15}$/, example: '773012345678901' },
  { code: 'ZTO', name: '中通快递', short: '中通', pattern: /^\d{12,15}$/, example: '753012345678901' },
  { code: 'YD', name: '韵达快递', short: '韵达', pattern: /^\d{13,15}$/, example: '4312345678901' },
  { code: 'TTK', name: '天天快递', short: '天天', pattern: /^\d{12,14}$/, example: '668012345678' },
  { code: 'EMS', name: '邮政EMS', short: '邮政', pattern: /^([A-Z]{2}\d{9}[A-Z]{2}|\d{13})$/, example: 'EA123456789CN' },
  { code: 'JD', name: '京东快递', short: '京东', pattern: /^JD[A-Z0-9]{11,15}$/, example: 'JDVA01234567890' },
  { code: 'JT', name: '极兔速递', short: '极兔', pattern: /^JT\d{13}$/, example: 'JT0001234567890' },
] as const;
export type CarrierCode = (typeof CARRIERS)[number]['code'];
export type CarrierInfo = (typeof CARRIERS)[number];
export const CarrierCodeSchema = z.enum(CARRIERS.map((c) => c.code) as [CarrierCode, ...CarrierCode[]]);

/** The carrier a code, full name, short name or tracking-number prefix names (圆通速递, 圆通, YTO), if any. */
export function findCarrier(text: string | null | undefined): CarrierInfo | undefined {
  const value = (text ?? '').trim();
  if (!value) return undefined;
  return (
    CARRIERS.find((c) => c.code === value.toUpperCase() || c.name === value || c.short === value) ??
    CARRIERS.find((c) => value.startsWith(c.short))
  );
}

/** Tracking numbers as typed (spaces, lower case) in the form carriers print them. */
export function normaliseTrackingNo(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}

/** Whether the number looks like one of this carrier's (a typo check, not a lookup). */
export function trackingNoLooksValid(carrier: CarrierInfo, trackingNo: string): boolean {
  return carrier.pattern.test(normaliseTrackingNo(trackingNo));
}

/** Provinces, municipalities, autonomous regions and SARs, as written in addresses. */
export const PROVINCE_NAMES = [
  '北京市',
  '天津市',
  '上海市',
  '重庆市',
  '河北省',
  '山西省',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '海南省',
  '四川省',
  '贵州省',
  '云南省',
  '陕西省',
  '甘肃省',
  '青海省',
  '台湾省',
  '内蒙古自治区',
  '广西壮族自治区',
  '西藏自治区',
  '宁夏回族自治区',
  '新疆维吾尔自治区',
  '香港特别行政区',
  '澳门特别行政区',
] as const;

const shortProvince = (full: string) => full.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');

/** 浙江 / 浙江省 / 浙江省杭州市… → 浙江省; undefined when no province starts the text. */
export function normaliseProvince(text: string | null | undefined): string | undefined {
  const value = (text ?? '').trim();
  if (!value) return undefined;
  return (
    PROVINCE_NAMES.find((full) => value.startsWith(full)) ?? PROVINCE_NAMES.find((full) => value.startsWith(shortProvince(full)))
  );
}

/** A courier rule row: which carrier serves which provinces ('default' = all others) at what fee. */
export const CourierRule = z.object({
  id: Id.optional().describe('kept when saving an existing row'),
  carrier: CarrierCodeSchema,
  provinces: z
    .array(z.string().min(1).max(16))
    .min(1)
    .max(40)
    .describe('province names (浙江 or 浙江省), or ["default"] for the rest'),
  firstWeightFen: Fen.min(0).max(100_000).describe('首重 (first kg), fen'),
  additionalFen: Fen.min(0).max(100_000).describe('续重 per additional kg, fen'),
  deliveryDays: z
    .string()
    .max(16)
    .nullable()
    .default(null)
    .describe('informational estimate for agents, e.g. "2-3"; never promised to buyers'),
  priority: z.number().int().min(0).max(999).default(10).describe('ties on cost: the lower number wins'),
  enabled: z.boolean().default(true),
});
export type CourierRule = z.infer<typeof CourierRule>;
export type CourierRuleInput = z.input<typeof CourierRule>;
export const CourierRulesResponse = z.object({ rules: z.array(CourierRule.required({ id: true })) });
export const SaveCourierRulesRequest = z.object({ rules: z.array(CourierRule).max(100) });

export const QuoteQuery = z.object({
  province: z.string().min(1).max(64).describe('a province or an address starting with one'),
  weightKg: z.coerce.number().min(0).max(1000).default(1),
});
export const CourierChoice = z.object({
  ruleId: z.string().nullable(),
  carrier: CarrierCodeSchema,
  carrierName: z.string(),
  costFen: Fen,
  billedKg: z.number().int(),
  deliveryDays: z.string().nullable(),
  matchedBy: z.enum(['province', 'default']),
});
export type CourierChoice = z.infer<typeof CourierChoice>;
export const QuoteResponse = z.object({
  province: z.string(),
  weightKg: z.number(),
  choice: CourierChoice.nullable().describe('null when no enabled rule covers the province'),
  alternatives: z.array(CourierChoice).describe('every rule that applies, cheapest first'),
});
export type QuoteResponse = z.infer<typeof QuoteResponse>;

/** Billing weight: every started kilogram, at least one. */
export function billedKg(weightKg: number): number {
  return Math.max(1, Math.ceil(weightKg - 1e-9));
}

/**
 * 快递选择原则: among enabled rules naming the province (else the 'default' rules), the cheapest for the
 * weight; ties go to the lower priority number. `enabledCarriers` limits the choice to the shop's carriers.
 */
export function pickCourier(
  rules: readonly CourierRuleInput[],
  province: string,
  weightKg: number,
  enabledCarriers?: readonly string[],
): { province: string | undefined; choice: CourierChoice | null; alternatives: CourierChoice[] } {
  const target = normaliseProvince(province);
  const usable = rules.filter((r) => (r.enabled ?? true) && (!enabledCarriers || enabledCarriers.includes(r.carrier)));
  const named = target ? usable.filter((r) => r.provinces.some((p) => normaliseProvince(p) === target)) : [];
  const matchedBy = named.length > 0 ? 'province' : 'default';
  const candidates = named.length > 0 ? named : usable.filter((r) => r.provinces.includes('default'));
  const kg = billedKg(weightKg);
  const alternatives = candidates
    .map((r) => ({
      rule: r,
      choice: {
        ruleId: r.id ?? null,
        carrier: r.carrier,
        carrierName: CARRIERS.find((c) => c.code === r.carrier)?.name ?? r.carrier,
        costFen: r.firstWeightFen + (kg - 1) * r.additionalFen,
        billedKg: kg,
        deliveryDays: r.deliveryDays ?? null,
        matchedBy,
      } satisfies CourierChoice,
    }))
    .sort(
      (a, b) =>
        a.choice.costFen - b.choice.costFen ||
        (a.rule.priority ?? 10) - (b.rule.priority ?? 10) ||
        a.rule.carrier.localeCompare(b.rule.carrier),
    )
    .map((x) => x.choice);
  return { province: target, choice: alternatives[0] ?? null, alternatives };
}

export const NoticeKind = z.enum(['shipped', 'out_for_delivery', 'signed']);
export type NoticeKind = z.infer<typeof NoticeKind>;

export const LogisticsSettings = z.object({
  enabledCarriers: z.array(CarrierCodeSchema).max(CARRIERS.length).describe('carriers the shop ships with'),
  noUpdateDays: z
    .number()
    .int()
    .min(1)
    .max(30)
    .describe('a shipped parcel with no tracking update for this many days is raised to agents'),
  notices: z
    .object({ shipped: z.boolean(), out_for_delivery: z.boolean(), signed: z.boolean() })
    .describe('proactive buyer notices, off by default: one chat message per order and kind'),
});
export type LogisticsSettings = z.infer<typeof LogisticsSettings>;
export const LogisticsSettingsResponse = z.object({ settings: LogisticsSettings });

export const CarrierView = z.object({
  code: CarrierCodeSchema,
  name: z.string(),
  short: z.string(),
  pattern: z.string(),
  example: z.string(),
  enabled: z.boolean(),
});
export const CarriersResponse = z.object({ carriers: z.array(CarrierView) });

export const TrackingEventView = z.object({
  id: Id,
  status: z.string().describe("shipped | in_transit | out_for_delivery | signed | exception | returned | note (an agent's note)"),
  description: z.string(),
  /** A line the server wrote itself (卖家已发货…), as a code for agents reading in English; null for carriers' and agents' lines. */
  descriptionText: ServerText.nullable().optional(),
  location: z.string().nullable(),
  occurredAt: IsoDateTime,
});
export type TrackingEventView = z.infer<typeof TrackingEventView>;

export const ExceptionKind = z.enum(['no_update', 'returned', 'damaged', 'exception']);
export type ExceptionKind = z.infer<typeof ExceptionKind>;
export const LogisticsExceptionView = z.object({
  id: Id,
  kind: ExceptionKind,
  detail: z.string(),
  /** `detail` as a code when the server wrote it (已 4 天没有物流更新…), for agents reading in English. */
  detailText: ServerText.nullable().optional(),
  raisedAt: IsoDateTime,
  resolvedAt: IsoDateTime.nullable(),
  resolvedBy: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  note: z.string().nullable(),
  /** `note` as a code when the server resolved the exception itself (物流已有更新). */
  noteText: ServerText.nullable().optional(),
  order: z.object({
    id: Id,
    orderNo: z.string(),
    status: z.string(),
    carrier: z.string().nullable(),
    trackingNo: z.string().nullable(),
  }),
  buyer: z.object({ id: Id, nick: z.string() }),
  /** The buyer's conversation, to open from the list; null when they never chatted. */
  conversationId: Id.nullable(),
});
export type LogisticsExceptionView = z.infer<typeof LogisticsExceptionView>;

export const TrackingResponse = z.object({
  orderId: Id,
  orderNo: z.string(),
  status: z.string(),
  carrier: z.string().nullable(),
  carrierCode: z.string().nullable(),
  trackingNo: z.string().nullable(),
  /** The latest tracking state (the newest event's status), or null before shipping. */
  current: z.string().nullable(),
  events: z.array(TrackingEventView).describe('newest first'),
  exceptions: z.array(LogisticsExceptionView).describe('open exceptions of this order'),
});
export type TrackingResponse = z.infer<typeof TrackingResponse>;

export const AddTrackingNoteRequest = z.object({
  description: z.string().trim().min(1).max(200),
  location: z.string().trim().max(64).optional(),
});

const RequestId = z.string().min(1).max(64);
export const ShipOrderRequest = z.object({
  requestId: RequestId,
  carrier: CarrierCodeSchema,
  trackingNo: z.string().min(4).max(40),
});
export type ShipOrderRequest = z.infer<typeof ShipOrderRequest>;

export const ListExceptionsQuery = z.object({
  status: z.enum(['open', 'resolved']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const ListExceptionsResponse = z.object({ exceptions: z.array(LogisticsExceptionView), openCount: z.number().int() });
export const ResolveExceptionRequest = z.object({ note: z.string().trim().max(200).default('') });
export const ExceptionResponse = z.object({ exception: LogisticsExceptionView });
