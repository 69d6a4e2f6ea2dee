import { z } from 'zod';
import { Fen, Id, IsoDateTime } from './common.js';

/**
 * Customer types and how to serve them (DOMAIN.md "Customer types and strategies", seeds 000 and 004).
 * Set by an agent today; the assistant will suggest one later. Server and workbench share this list.
 */
export const CUSTOMER_TYPES = [
  {
    key: 'rational',
    zh: '理智型',
    en: 'Rational',
    signZh: '心中已有定论，联系客服是为了确认事实',
    signEn: 'Has decided; checks the facts',
    tipZh: '答复准确、实事求是，解决需求即可，不要强行推销',
    tipEn: 'Answer precisely and factually; solve the need, no hard selling',
  },
  {
    key: 'bargainer',
    zh: '贪婪型 / 讲价型',
    en: 'Greedy / bargainer',
    signZh: '讲价、要赠品、拿评价挑刺',
    signEn: 'Bargains, asks for gifts, picks on reviews',
    tipZh: '在权限内给优惠，超出后委婉拒绝并说明原因；保留聊天记录',
    tipEn: 'Discount within your authority, then decline kindly with a reason; keep the record',
  },
  {
    key: 'trend_follower',
    zh: '舆论型 / 从众',
    en: 'Trend-follower',
    signZh: '“今年流行吗？买的人多吗？”',
    signEn: '"Is it this year\'s hit? Do many people buy it?"',
    tipZh: '多讲销量、好评和人气，用真实评价说话',
    tipEn: 'Talk about sales, reviews and popularity; let real reviews speak',
  },
  {
    key: 'impulsive',
    zh: '冲动型',
    en: 'Impulsive',
    signZh: '看外观很快做决定',
    signEn: 'Decides fast on looks',
    tipZh: '突出促销和限时优惠，趁热促成下单',
    tipEn: 'Stress promotions and limited-time offers; close while the interest is hot',
  },
  {
    key: 'cautious',
    zh: '谨慎型',
    en: 'Cautious',
    signZh: '什么都怀疑，反复确认',
    signEn: 'Doubts everything, asks again and again',
    tipZh: '真诚、耐心，多给证据（实拍、质检报告、售后保障）',
    tipEn: 'Be sincere and patient; give proof (real photos, test reports, after-sales guarantees)',
  },
  {
    key: 'loyal',
    zh: '念旧型',
    en: 'Loyal',
    signZh: '老顾客，话不多',
    signEn: 'Repeat buyer, little chat',
    tipZh: '偶尔问候，活动前提前通知，给老客专属福利',
    tipEn: 'Greet now and then, tell them early about promotions, give old-customer perks',
  },
  {
    key: 'non_payer',
    zh: '拍下不买型',
    en: 'Orders but never pays',
    signZh: '多次拍下不付款',
    signEn: 'Many unpaid orders',
    tipZh: '催付一次即可，不要过度投入精力',
    tipEn: 'Remind once; do not over-invest',
  },
  {
    key: 'proud_undecided',
    zh: '高傲型 / 没主见',
    en: 'Proud / undecided',
    signZh: '要求多，或拿不定主意',
    signEn: 'Demanding, or cannot choose',
    tipZh: '高傲型保持冷静礼貌；没主见的给二选一，帮他做决定',
    tipEn: 'Stay calm and polite with the proud; offer the undecided a choice of two and decide for them',
  },
] as const;

export type CustomerTypeInfo = (typeof CUSTOMER_TYPES)[number];
export const CustomerType = z.enum(CUSTOMER_TYPES.map((t) => t.key) as [CustomerTypeInfo['key'], ...CustomerTypeInfo['key'][]]);
export type CustomerType = z.infer<typeof CustomerType>;

/** The type's labels and strategy tip; undefined for an unknown key. */
export function customerTypeInfo(key: string | null | undefined): CustomerTypeInfo | undefined {
  return CUSTOMER_TYPES.find((t) => t.key === key);
}

export const MAX_VIP_LEVEL = 5;
export const MAX_NOTE_LENGTH = 500;
export const TAG_COLORS = ['red', 'orange', 'gold', 'green', 'cyan', 'blue', 'purple', 'magenta', 'default'] as const;
export const TagColor = z.enum(TAG_COLORS);

export const TagView = z.object({ id: Id, name: z.string(), color: TagColor, buyerCount: z.number().int().optional() });
export type TagView = z.infer<typeof TagView>;
export const CreateTagRequest = z.object({ name: z.string().trim().min(1).max(20), color: TagColor.default('blue') });
export const UpdateTagRequest = z.object({ name: z.string().trim().min(1).max(20).optional(), color: TagColor.optional() });
export const ListTagsResponse = z.object({ tags: z.array(TagView) });
export const TagResponse = z.object({ tag: TagView });

export const NoteView = z.object({
  id: Id,
  text: z.string(),
  author: z.object({ id: Id, name: z.string() }),
  createdAt: IsoDateTime,
  editedAt: IsoDateTime.nullable(),
});
export type NoteView = z.infer<typeof NoteView>;
export const NoteRequest = z.object({ text: z.string().trim().min(1).max(MAX_NOTE_LENGTH) });
export const NoteResponse = z.object({ note: NoteView });

/** A receiver the buyer used on an order (收货地址), most recent first; the first is 常用. */
export const AddressView = z.object({
  name: z.string(),
  phone: z.string(),
  province: z.string().nullable(),
  address: z.string(),
  lastUsedAt: IsoDateTime,
  orderCount: z.number().int(),
  usual: z.boolean(),
});
export type AddressView = z.infer<typeof AddressView>;

export const BlockView = z.object({
  blockedAt: IsoDateTime,
  blockedBy: z.object({ id: Id.nullable(), name: z.string() }),
  reason: z.string().nullable(),
});

/** Customer 360 beyond the order history: what the shop knows and decided about the buyer. */
export const CustomerCrmView = z.object({
  customerType: z.object({ key: CustomerType, setBy: z.string(), setAt: IsoDateTime }).nullable(),
  tags: z.array(TagView),
  notes: z.array(NoteView),
  addresses: z.array(AddressView),
  blocked: BlockView.nullable(),
  lastOrderAt: IsoDateTime.nullable(),
});
export type CustomerCrmView = z.infer<typeof CustomerCrmView>;
export const CustomerCrmResponse = z.object({ crm: CustomerCrmView });

export const SetCustomerTypeRequest = z.object({ customerType: CustomerType.nullable() });
export const SetVipRequest = z.object({ vipLevel: z.number().int().min(0).max(MAX_VIP_LEVEL) });
export const SetBuyerTagsRequest = z.object({ tagIds: z.array(Id).max(20) });
export const BlockRequest = z.object({ reason: z.string().trim().max(200).optional() });

/** A segment's filter (客户分群). Every field is optional; all given fields must hold. */
export const SegmentFilter = z.object({
  /** The buyer has any of these tags. */
  tagIds: z.array(Id).max(20).optional(),
  vipMin: z.number().int().min(0).max(MAX_VIP_LEVEL).optional(),
  customerType: CustomerType.optional(),
  orderCountMin: z.number().int().min(0).max(100_000).optional(),
  orderCountMax: z.number().int().min(0).max(100_000).optional(),
  /** Paid orders' total, in fen. */
  spentMinFen: Fen.optional(),
  /** The last order is older than this many days (buyers without orders never match). */
  silentDays: z.number().int().min(1).max(3650).optional(),
  blocked: z.boolean().optional(),
  province: z.string().max(20).optional(),
  /** Nick contains this text. */
  q: z.string().max(50).optional(),
});
export type SegmentFilter = z.infer<typeof SegmentFilter>;

export const SegmentView = z.object({
  id: Id,
  name: z.string(),
  filter: SegmentFilter,
  createdAt: IsoDateTime,
  createdBy: z.string(),
});
export type SegmentView = z.infer<typeof SegmentView>;
export const SegmentRequest = z.object({ name: z.string().trim().min(1).max(30), filter: SegmentFilter });
export const ListSegmentsResponse = z.object({ segments: z.array(SegmentView) });
export const SegmentResponse = z.object({ segment: SegmentView });

/** GET /api/v1/customers: the filter as query parameters (tagIds comma-separated), paging and sort. */
export const ListCustomersQuery = z.object({
  segmentId: Id.optional().describe("use this saved segment's filter (other filter fields are added to it)"),
  tagIds: z.string().max(1400).optional().describe('comma-separated tag ids: any of'),
  vipMin: z.coerce.number().int().min(0).max(MAX_VIP_LEVEL).optional(),
  customerType: CustomerType.optional(),
  orderCountMin: z.coerce.number().int().min(0).optional(),
  orderCountMax: z.coerce.number().int().min(0).optional(),
  spentMinFen: z.coerce.number().int().min(0).optional(),
  silentDays: z.coerce.number().int().min(1).max(3650).optional(),
  blocked: z.enum(['true', 'false']).optional(),
  province: z.string().max(20).optional(),
  q: z.string().max(50).optional(),
  sort: z.enum(['last_order', 'spent', 'orders', 'recent']).default('last_order'),
  order: z.enum(['desc', 'asc']).default('desc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const CustomerRow = z.object({
  id: Id,
  nick: z.string(),
  vipLevel: z.number().int(),
  province: z.string().nullable(),
  customerType: CustomerType.nullable(),
  tags: z.array(TagView),
  orderCount: z.number().int(),
  spentFen: Fen,
  lastOrderAt: IsoDateTime.nullable(),
  blocked: z.boolean(),
  /** Buyer messages received while blocked (held, not shown as new chats). */
  heldMessages: z.number().int(),
  conversationId: Id.nullable(),
});
export type CustomerRow = z.infer<typeof CustomerRow>;
export const ListCustomersResponse = z.object({
  customers: z.array(CustomerRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ListCustomersResponse = z.infer<typeof ListCustomersResponse>;

/**
 * Who vouched for a buyer. Only `visitor` is self-declared (the widget's anonymous buyer, with a nick they chose):
 * imports and store events never attach orders to it, and the workbench marks it unverified.
 */
export type IdentitySource = 'visitor' | 'import' | 'integration' | 'identity' | 'demo';

/** The shop vouched for this buyer (import, store integration, signed identity, demo seed): shown as verified. */
export function isVouchedIdentity(source: string | null | undefined): boolean {
  return !!source && source !== 'visitor';
}
