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
  'aftersale.requested': { 'zh-CN': '售后申请', en: 'after-sales request' },
  'review.created': { 'zh-CN': '买家评价', en: 'review' },
  'aftersale.refunded': { 'zh-CN': '售后退款', en: 'after-sales refund' },
} satisfies Words;

/** Where an after-sales case stands (case.state-machine.ts on the server). */
const CASE_WORDS = {
  pending: { 'zh-CN': '待处理', en: 'pending' },
  awaiting_evidence: { 'zh-CN': '待补充凭证', en: 'awaiting photos' },
  awaiting_return: { 'zh-CN': '待买家寄回', en: 'awaiting the return' },
  awaiting_receipt: { 'zh-CN': '待商家收货', en: 'return on its way' },
  inspecting: { 'zh-CN': '处理中', en: 'being checked' },
  awaiting_reship: { 'zh-CN': '待发出', en: 'to be shipped' },
  reshipped: { 'zh-CN': '已发出', en: 'shipped' },
  awaiting_refund: { 'zh-CN': '待退款', en: 'refund under way' },
  completed: { 'zh-CN': '已完成', en: 'completed' },
  rejected: { 'zh-CN': '已拒绝', en: 'declined' },
  cancelled: { 'zh-CN': '已撤销', en: 'withdrawn' },
} satisfies Words;

const CASE_TYPE_WORDS = {
  refund_only: { 'zh-CN': '仅退款', en: 'refund only' },
  return_refund: { 'zh-CN': '退货退款', en: 'return and refund' },
  exchange: { 'zh-CN': '换货', en: 'exchange' },
  wrong_item: { 'zh-CN': '发错货/漏发', en: 'wrong or missing item' },
  quality: { 'zh-CN': '质量问题', en: 'quality problem' },
  logistics: { 'zh-CN': '物流问题', en: 'delivery problem' },
  price_protection: { 'zh-CN': '价保', en: 'price protection' },
  invoice: { 'zh-CN': '发票', en: 'invoice' },
  repair: { 'zh-CN': '维修', en: 'repair' },
} satisfies Words;

const COMPENSATION_WORDS = {
  coupon: { 'zh-CN': '优惠券', en: 'coupon' },
  cash: { 'zh-CN': '小额打款', en: 'cash' },
  free_return_shipping: { 'zh-CN': '退货运费', en: 'return shipping' },
  partial_refund: { 'zh-CN': '部分退款', en: 'partial refund' },
} satisfies Words;

const TASK_WORDS = {
  warehouse_ship: { 'zh-CN': '仓库发货', en: 'warehouse shipment' },
  finance_refund: { 'zh-CN': '财务退款', en: 'finance refund' },
  finance_compensation: { 'zh-CN': '财务打款', en: 'finance payout' },
  qc_inspect: { 'zh-CN': '质检', en: 'quality check' },
  follow_up_call: { 'zh-CN': '回访电话', en: 'follow-up call' },
  review_follow_up: { 'zh-CN': '中差评回访', en: 'review follow-up' },
  payment_call: { 'zh-CN': '催付电话', en: 'payment call' },
} satisfies Words;

const REVIEW_LEVEL_WORDS = {
  good: { 'zh-CN': '好评', en: 'positive' },
  mid: { 'zh-CN': '中评', en: 'neutral' },
  bad: { 'zh-CN': '差评', en: 'negative' },
} satisfies Words;

const REVIEW_OUTCOME_WORDS = {
  revised: { 'zh-CN': '已修改', en: 'revised' },
  explained: { 'zh-CN': '已解释', en: 'explained' },
  no_reply: { 'zh-CN': '未回复', en: 'no reply' },
  appealed: { 'zh-CN': '恶意差评申诉', en: 'appealed as malicious' },
} satisfies Words;

/** The policy's windows, as the eligibility reason names them. */
const CASE_WINDOW_WORDS = {
  no_reason: { 'zh-CN': '无理由退货', en: 'no-reason return' },
  quality: { 'zh-CN': '质量问题售后', en: 'quality claim' },
  exchange: { 'zh-CN': '换货', en: 'exchange' },
  price_protection: { 'zh-CN': '价保', en: 'price protection' },
  repair: { 'zh-CN': '保修', en: 'warranty' },
} satisfies Words;

/** Routing's built-in groups (a shop's own groups carry their own names). */
const ROUTING_GROUP_WORDS = {
  presale: { 'zh-CN': '售前', en: 'Pre-sales' },
  aftersale: { 'zh-CN': '售后', en: 'After-sales' },
  support: { 'zh-CN': '辅助', en: 'Support' },
} satisfies Words;

const ROUTING_STRATEGY_WORDS = {
  least_busy: { 'zh-CN': '优先空闲', en: 'least busy' },
  round_robin: { 'zh-CN': '轮流分配', en: 'round robin' },
  weighted: { 'zh-CN': '按权重', en: 'weighted' },
} satisfies Words;

const AGENT_STATUS_WORDS = {
  online: { 'zh-CN': '在线', en: 'online' },
  busy: { 'zh-CN': '忙碌', en: 'busy' },
  offline: { 'zh-CN': '离线', en: 'offline' },
  full: { 'zh-CN': '接待已满', en: 'at capacity' },
} satisfies Words;

export const STATUS_WORDS = {
  routingGroup: ROUTING_GROUP_WORDS,
  routingStrategy: ROUTING_STRATEGY_WORDS,
  agentStatus: AGENT_STATUS_WORDS,
  case: CASE_WORDS,
  caseWindow: CASE_WINDOW_WORDS,
  caseType: CASE_TYPE_WORDS,
  compensation: COMPENSATION_WORDS,
  task: TASK_WORDS,
  reviewLevel: REVIEW_LEVEL_WORDS,
  reviewOutcome: REVIEW_OUTCOME_WORDS,
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
