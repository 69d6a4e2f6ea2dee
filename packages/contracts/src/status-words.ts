/**
 * The one translation of status codes into words a person reads, for the server's messages, notes and errors
 * (the workbench keeps the same words in its i18n resources). Unknown codes are shown as they are.
 */

/** Languages the words exist in (the server's request languages). */
export type WordLanguage = 'zh-CN' | 'en';

type Words = Record<string, Record<WordLanguage, string>>;

const ORDER_WORDS = {
  pending_payment: { 'zh-CN': '待付款', en: 'pending payment' },
  paid: { 'zh-CN': '已付款', en: 'paid' },
  shipped: { 'zh-CN': '已发货', en: 'shipped' },
  signed: { 'zh-CN': '已签收', en: 'signed' },
  completed: { 'zh-CN': '交易成功', en: 'completed' },
  closed: { 'zh-CN': '交易关闭', en: 'closed' },
} satisfies Words;

const TRACKING_WORDS = {
  shipped: { 'zh-CN': '已发货', en: 'shipped' },
  in_transit: { 'zh-CN': '运输中', en: 'in transit' },
  out_for_delivery: { 'zh-CN': '派送中', en: 'out for delivery' },
  signed: { 'zh-CN': '已签收', en: 'signed' },
  exception: { 'zh-CN': '异常', en: 'exception' },
  returned: { 'zh-CN': '退回', en: 'returned' },
  note: { 'zh-CN': '客服备注', en: 'agent note' },
} satisfies Words;

const APPROVAL_WORDS = {
  pending: { 'zh-CN': '待审批', en: 'pending' },
  approved: { 'zh-CN': '已通过', en: 'approved' },
  rejected: { 'zh-CN': '已驳回', en: 'rejected' },
  cancelled: { 'zh-CN': '已自动关闭', en: 'closed automatically' },
} satisfies Words;

/** Where a conversation stands (conversation.state-machine.ts on the server). */
const CONVERSATION_WORDS = {
  waiting: { 'zh-CN': '待接待', en: 'waiting' },
  assigned: { 'zh-CN': '接待中', en: 'being served' },
  closed: { 'zh-CN': '已结束', en: 'closed' },
} satisfies Words;

const INBOUND_EVENT_WORDS = {
  applied: { 'zh-CN': '已处理', en: 'applied' },
  parked: { 'zh-CN': '等待订单', en: 'waiting for the order' },
  ignored: { 'zh-CN': '已忽略', en: 'ignored' },
} satisfies Words;

/** Event types from the shop's system as a person names them (由「发货」推定 …). */
const INBOUND_EVENT_TYPE_WORDS = {
  'product.upserted': { 'zh-CN': '商品同步', en: 'product sync' },
  'order.upserted': { 'zh-CN': '订单同步', en: 'order sync' },
  'order.paid': { 'zh-CN': '付款', en: 'payment' },
  'order.shipped': { 'zh-CN': '发货', en: 'shipment' },
  'tracking.updated': { 'zh-CN': '物流更新', en: 'tracking update' },
  'order.completed': { 'zh-CN': '交易成功', en: 'completion' },
  'order.closed': { 'zh-CN': '订单关闭', en: 'closing' },
} satisfies Words;

export const STATUS_WORDS = {
  order: ORDER_WORDS,
  tracking: TRACKING_WORDS,
  approval: APPROVAL_WORDS,
  conversation: CONVERSATION_WORDS,
  inboundEvent: INBOUND_EVENT_WORDS,
  inboundEventType: INBOUND_EVENT_TYPE_WORDS,
} as const;

export type StatusKind = keyof typeof STATUS_WORDS;

/** The status as a person reads it in `language` ('paid' → 已付款 / paid); an unknown code comes back unchanged. */
export function statusWord(kind: StatusKind, status: string, language: WordLanguage): string {
  const words = (STATUS_WORDS[kind] as Words)[status];
  return words ? words[language] : status;
}
