import { z } from 'zod';
import { statusWord, type WordLanguage } from './status-words.js';

/**
 * Texts the server writes itself (order-action lines in the chat, logistics notices, tracking lines and exception
 * notes it makes) travel as a code with parameters beside the Chinese the buyer reads. The buyer keeps the shop's
 * language; an agent reading the workbench in English sees the same line worded in English from this one table.
 * Texts without a known code (carriers' tracking lines, what agents and shops write) are shown as they are.
 */
export const ServerText = z.object({
  code: z.string().max(64),
  params: z.record(z.string(), z.string()).default({}),
});
export type ServerText = z.infer<typeof ServerText>;

type Params = Record<string, string>;
type Wording = Record<WordLanguage, (p: Params) => string>;

// The parcel is "<carrier> <tracking number>" or empty (then its brackets go too). In English the carrier is named by
// its code (YTO), given as `carrierCode` beside the Chinese name.
const parcelOf = (p: Params) => [p.carrier, p.trackingNo].filter(Boolean).join(' ');

// After-sales: the policy's verdicts (signed / applied are MM-DD in China time) and the buyer's chat lines.
const CASE_TEXTS = {
  'case.eligible.unshipped': {
    'zh-CN': () => '订单尚未发货，可直接申请退款',
    en: () => 'The order has not shipped yet: a refund can be requested directly',
  },
  'case.eligible.not_signed': {
    'zh-CN': () => '订单尚未签收：可拒收退回，或签收后再申请',
    en: () => 'Not signed for yet: refuse the parcel, or apply after signing for it',
  },
  'case.eligible.within': {
    'zh-CN': (p) => `${p.signed} 签收，${p.applied} 申请：在 ${p.days} 天${p.window}期内`,
    en: (p) => `Signed for on ${p.signed}, requested on ${p.applied}: within the ${p.days}-day ${p.window} period`,
  },
  'case.ineligible.past': {
    'zh-CN': (p) => `${p.signed} 签收，${p.applied} 申请：已超过 ${p.days} 天${p.window}期`,
    en: (p) => `Signed for on ${p.signed}, requested on ${p.applied}: past the ${p.days}-day ${p.window} period`,
  },
  'case.eligible.within_paid': {
    'zh-CN': (p) => `${p.paid} 付款，${p.applied} 申请：在 ${p.days} 天${p.window}期内`,
    en: (p) => `Paid on ${p.paid}, requested on ${p.applied}: within the ${p.days}-day ${p.window} period`,
  },
  'case.ineligible.past_paid': {
    'zh-CN': (p) => `${p.paid} 付款，${p.applied} 申请：已超过 ${p.days} 天${p.window}期`,
    en: (p) => `Paid on ${p.paid}, requested on ${p.applied}: past the ${p.days}-day ${p.window} period`,
  },
  'case.ineligible.disclosed': {
    'zh-CN': (p) =>
      `商品详情已注明「${p.note}」，不属于质量问题` +
      (p.signed ? `；${p.signed} 签收，${p.applied} 申请：已超过 ${p.days} 天无理由退货期` : ''),
    en: (p) =>
      `The listing says "${p.note}": not a quality defect` +
      (p.signed ? `; signed for on ${p.signed}, requested on ${p.applied}: past the ${p.days}-day no-reason return period` : ''),
  },
  'case.ineligible.not_returnable': {
    'zh-CN': (p) => `「${p.title}」为${p.label}，不支持无理由退换`,
    en: (p) => `"${p.title}" is ${p.label}: no no-reason return or exchange`,
  },
  'case.ineligible.unpaid': {
    'zh-CN': () => '订单尚未付款，无需申请售后',
    en: () => 'The order is not paid: there is nothing to refund',
  },
  'case.ineligible.closed': {
    'zh-CN': () => '订单已关闭，无法申请售后',
    en: () => 'The order is closed: no after-sales request is possible',
  },
  'case.eligible.any': {
    'zh-CN': (p) => `${p.caseType}申请随时受理`,
    en: (p) => `${p.caseType} requests are accepted at any time`,
  },
  'case.opened': {
    'zh-CN': (p) => `亲，您的售后申请 ${p.caseNo}（${p.caseType}）已受理，我们会尽快为您处理，进度可在「我的售后」查看哦~`,
    en: (p) => `Your after-sales request ${p.caseNo} (${p.caseType}) is registered; follow it under "My after-sales".`,
  },
  'case.evidence_requested': {
    'zh-CN': (p) => `亲，为了尽快帮您处理售后 ${p.caseNo}，麻烦在「我的售后」上传以下照片：${p.items}，谢谢配合~`,
    en: (p) => `To handle ${p.caseNo} quickly, please upload these photos under "My after-sales": ${p.items}.`,
  },
  'case.return_agreed': {
    'zh-CN': (p) =>
      `亲，售后 ${p.caseNo} 已同意退货，请将商品寄回：${p.address}${p.payer === 'shop' ? '（寄回运费由我们承担，请先垫付，收货后退还）' : p.payer === 'buyer' ? '（寄回运费由买家承担）' : ''}，寄出后在「我的售后」填写快递单号哦~`,
    en: (p) =>
      `The return for ${p.caseNo} is agreed. Send the goods to: ${p.address}${p.payer === 'shop' ? ' (we pay the return postage: advance it and we refund it on receipt)' : p.payer === 'buyer' ? ' (return postage is yours)' : ''}, then enter the tracking number.`,
  },
  'case.return_received': {
    'zh-CN': (p) => `亲，售后 ${p.caseNo} 的退货我们已收到，正在为您处理~`,
    en: (p) => `We have received the return for ${p.caseNo} and are handling it.`,
  },
  'case.refund_started': {
    'zh-CN': (p) => `亲，售后 ${p.caseNo} 已同意退款 ${p.amount}，退款处理中，请留意到账~`,
    en: (p) => `The refund of ${p.amount} for ${p.caseNo} is agreed and under way.`,
  },
  'case.refunded': {
    'zh-CN': (p) => `亲，售后 ${p.caseNo} 已退款 ${p.amount}，请注意查收~`,
    en: (p) => `${p.caseNo}: ${p.amount} has been refunded.`,
  },
  'case.reshipped': {
    'zh-CN': (p) => `亲，售后 ${p.caseNo} 的商品已发出：${p.carrier} ${p.trackingNo}，请注意查收~`,
    en: (p) => `${p.caseNo}: the replacement has shipped: ${p.carrier} ${p.trackingNo}.`,
  },
  'case.rejected': {
    'zh-CN': (p) => `亲，很抱歉，售后 ${p.caseNo} 未能通过：${p.note}。如有疑问请随时联系我们~`,
    en: (p) => `Sorry, ${p.caseNo} could not be accepted: ${p.note}. Contact us with any question.`,
  },
  'case.completed': {
    'zh-CN': (p) => `亲，售后 ${p.caseNo} 已处理完成，感谢您的理解和支持~`,
    en: (p) => `${p.caseNo} is resolved. Thank you for your patience.`,
  },
  'task.refund': {
    'zh-CN': (p) => `退款 ${p.amount}：订单 ${p.orderNo}，售后 ${p.caseNo}`,
    en: (p) => `Refund ${p.amount}: order ${p.orderNo}, case ${p.caseNo}`,
  },
  'task.reship': {
    'zh-CN': (p) =>
      `${p.shipKind === 'repair' ? '维修寄回' : p.shipKind === 'wrong_item' ? '补发/重发' : '换货发出'}：订单 ${p.orderNo}，售后 ${p.caseNo}${p.note ? `（${p.note}）` : ''}`,
    en: (p) =>
      `Ship the ${p.shipKind === 'repair' ? 'repaired item' : 'replacement'}: order ${p.orderNo}, case ${p.caseNo}${p.note ? ` (${p.note})` : ''}`,
  },
  'task.qc': {
    'zh-CN': (p) => `质检：订单 ${p.orderNo}，售后 ${p.caseNo}${p.reason ? `（${p.reason}）` : ''}`,
    en: (p) => `Quality check: order ${p.orderNo}, case ${p.caseNo}${p.reason ? ` (${p.reason})` : ''}`,
  },
  'task.follow_up': {
    'zh-CN': (p) => `回访电话：订单 ${p.orderNo}，售后 ${p.caseNo}（${p.caseType}）`,
    en: (p) => `Follow-up call: order ${p.orderNo}, case ${p.caseNo} (${p.caseType})`,
  },
  'task.payout': {
    'zh-CN': (p) => `${p.compensation} ${p.amount}：订单 ${p.orderNo}，售后 ${p.caseNo}`,
    en: (p) => `Pay out ${p.compensation} ${p.amount}: order ${p.orderNo}, case ${p.caseNo}`,
  },
  'task.payment_call': {
    'zh-CN': (p) => `催付电话：订单 ${p.orderNo}，${p.total}（${p.buyer}）`,
    en: (p) => `Payment call: order ${p.orderNo}, ${p.total} (${p.buyer})`,
  },
  'task.review': {
    'zh-CN': (p) => `中差评回访：${p.rating} 星，订单 ${p.orderNo}（${p.buyer}）`,
    en: (p) => `Review follow-up: ${p.rating} stars, order ${p.orderNo} (${p.buyer})`,
  },
  'case.compensated': {
    'zh-CN': (p) => `亲，已为您发放${p.compensation} ${p.amount}，给您带来不便非常抱歉~`,
    en: (p) => `We have given you a ${p.compensation} of ${p.amount}. Sorry for the trouble.`,
  },
} satisfies Record<string, Wording>;

const TEXTS = {
  // Chat lines the buyer receives after an order action (order-action announcements).
  'order.price_changed': {
    'zh-CN': (p) => `亲，您的订单 ${p.orderNo} 已改价：${p.before} → ${p.after}，刷新订单后即可按新价格付款哦~`,
    en: (p) => `Your order ${p.orderNo} has a new price: ${p.before} → ${p.after}. Refresh the order to pay the new price.`,
  },
  'order.receiver_changed': {
    'zh-CN': (p) => `亲，您的订单 ${p.orderNo} 收货信息已修改为：${p.name}，${p.phone}，${p.address}。如有不对请随时告诉我们哦~`,
    en: (p) =>
      `The receiver of your order ${p.orderNo} is now: ${p.name}, ${p.phone}, ${p.address}. Tell us if anything is wrong.`,
  },
  'order.sku_changed': {
    'zh-CN': (p) => `亲，您的订单 ${p.orderNo} 中「${p.title}」的规格已修改为：${p.sku}。`,
    en: (p) => `In your order ${p.orderNo}, "${p.title}" is now: ${p.sku}.`,
  },
  'order.closed': {
    'zh-CN': (p) => `亲，您的订单 ${p.orderNo} 已关闭，原因：${p.reason}。如需购买可以重新下单哦~`,
    en: (p) => `Your order ${p.orderNo} was closed. Reason: ${p.reason}. You are welcome to order again.`,
  },
  'order.shipped': {
    'zh-CN': (p) =>
      `亲，您的订单 ${p.orderNo} 已发货${parcelOf(p) ? `，${parcelOf(p)}` : ''}。物流有新进展我们会及时告诉您，也可以随时在这里问我们哦~`,
    en: (p) =>
      `Your order ${p.orderNo} has shipped${parcelOf(p) ? ` (${parcelOf(p)})` : ''}. We will tell you of any news; ask us here any time.`,
  },
  'order.tracking_changed': {
    'zh-CN': (p) => `亲，您的订单 ${p.orderNo} 的运单号已更新为：${parcelOf(p)}，之前的单号请以此为准哦~`,
    en: (p) => `The tracking number of your order ${p.orderNo} is now ${parcelOf(p)}; it replaces the earlier one.`,
  },
  'parcel.out_for_delivery': {
    'zh-CN': (p) => `亲，您的订单 ${p.orderNo} 的包裹正在派送中${parcelOf(p) ? `（${parcelOf(p)}）` : ''}，请留意快递员的电话哦~`,
    en: (p) =>
      `The parcel of your order ${p.orderNo} is out for delivery${parcelOf(p) ? ` (${parcelOf(p)})` : ''}; please keep your phone at hand.`,
  },
  'parcel.signed': {
    'zh-CN': (p) => `亲，您的订单 ${p.orderNo} 的包裹已签收。收到的商品如有任何问题，请随时联系我们哦~`,
    en: (p) => `The parcel of your order ${p.orderNo} was signed for. If anything is wrong with it, contact us any time.`,
  },
  // The line a buyer reads when an agent ends the chat (结束).
  'conversation.closed': {
    'zh-CN': () => '本次会话已结束，有问题随时再找我们哦～',
    en: () => 'This chat has ended. Write to us again any time you need help.',
  },
  // The line a buyer reads when an agent hands them to a colleague or a group (转接).
  'conversation.transferred': {
    'zh-CN': (p) => `已为您转接${p.to ? `至${p.to}` : '其他客服'}，请稍候～`,
    en: (p) => `You are being transferred${p.toEn ? ` to ${p.toEn}` : ''}; one moment please.`,
  },
  // Tracking lines and exception notes the server writes on the parcel's timeline.
  'tracking.seller_shipped': {
    'zh-CN': (p) => `卖家已发货${parcelOf(p) ? `（${parcelOf(p)}）` : ''}`,
    en: (p) => `Shipped by the seller${parcelOf(p) ? ` (${parcelOf(p)})` : ''}`,
  },
  'tracking.number_corrected': {
    'zh-CN': (p) => `运单号更正为 ${parcelOf(p)}（原 ${p.previous || '无'}）`,
    en: (p) => `Tracking number corrected to ${parcelOf(p)} (was ${p.previous || 'none'})`,
  },
  'exception.no_update': {
    'zh-CN': (p) => `已 ${p.days} 天没有物流更新${p.last ? `（最后一条：${p.last}）` : ''}`,
    en: (p) => `No tracking update for ${p.days} days${p.last ? ` (last: ${p.last})` : ''}`,
  },
  'exception.tracking_resumed': { 'zh-CN': () => '物流已有更新', en: () => 'Tracking has news again' },
  // What agents read about approvals and 催付 tasks.
  'approval.change_price': {
    'zh-CN': (p) => `改价 ${p.from} → ${p.to}（优惠 ${p.discount}%，超出权限 ${p.limit}%）`,
    en: (p) => `Price ${p.from} → ${p.to} (${p.discount}% off, beyond the ${p.limit}% limit)`,
  },
  'reminder.follow_up': {
    'zh-CN': (p) => [p.total ? `金额 ${p.total} ≥ ${p.threshold}` : '', p.vip ? `VIP${p.vip}` : ''].filter(Boolean).join('，'),
    en: (p) => [p.total ? `amount ${p.total} ≥ ${p.threshold}` : '', p.vip ? `VIP${p.vip}` : ''].filter(Boolean).join(', '),
  },
  'approval.case_compensate': {
    'zh-CN': (p) => `售后补偿：${p.compensation} ${p.amount}（超出权限 ${p.limit}）`,
    en: (p) => `Goodwill: ${p.compensation} ${p.amount} (beyond the ${p.limit} limit)`,
  },
  ...CASE_TEXTS,
} satisfies Record<string, Wording>;

export type ServerTextCode = keyof typeof TEXTS;

/** Parameters worded per language: order statuses, carriers (圆通速递 → YTO in English), nested coded texts. */
function wordParams(params: Params, language: WordLanguage): Params {
  const worded: Params = {};
  for (const [key, value] of Object.entries(params)) {
    if (key === 'status') worded[key] = statusWord('order', value, language);
    else if (key === 'caseType') worded[key] = statusWord('caseType', value, language);
    else if (key === 'compensation') worded[key] = statusWord('compensation', value, language);
    else if (key === 'window') worded[key] = statusWord('caseWindow', value, language);
    else if (key === 'carrier' && language === 'en') worded[key] = params.carrierCode || value;
    else worded[key] = wordStoredText(value, language);
  }
  return worded;
}

/** The text in `language`, or null when the code is not one of this table's (an older or newer server's). */
export function wordServerText(text: ServerText, language: WordLanguage): string | null {
  const wording = (TEXTS as Record<string, Wording>)[text.code];
  return wording ? wording[language](wordParams(text.params ?? {}, language)) : null;
}

/** A server-made line: its Chinese (what the buyer reads, the stored body) and its code with parameters. */
export interface ServerTextLine {
  text: string;
  coded: ServerText;
}

/** A coded text with its wording in the shop's language (Chinese), as the buyer and the stored `body` read it. */
export function serverText(code: ServerTextCode, params: Params = {}): ServerTextLine {
  const coded = { code, params };
  return { text: wordServerText(coded, 'zh-CN')!, coded };
}

/** How a coded text is kept in a plain text column (tracking lines, exception notes): JSON with its code. */
export function storeServerText(coded: ServerText): string {
  return JSON.stringify(coded);
}

/** A text column's value: a stored coded text (worded in Chinese), or plain text (a carrier's, an agent's) as it is. */
export function readStoredText(stored: string): { text: string; coded: ServerText | null } {
  if (stored.startsWith('{"code":')) {
    try {
      const coded = ServerText.parse(JSON.parse(stored));
      const text = wordServerText(coded, 'zh-CN');
      if (text !== null) return { text, coded };
    } catch {
      // not ours after all: plain text that happens to look like JSON
    }
  }
  return { text: stored, coded: null };
}

/** A text column's value in `language`: coded texts worded, plain text as it is. */
export function wordStoredText(stored: string, language: WordLanguage): string {
  const { text, coded } = readStoredText(stored);
  return coded ? (wordServerText(coded, language) ?? text) : text;
}

/** A text column as a view presents it: `{ <field>: its Chinese, <field>Text: its code, or null for plain text }`. */
export function presentStoredText<F extends string>(
  field: F,
  stored: string,
): Record<F, string> & Record<`${F}Text`, ServerText | null> {
  const { text, coded } = readStoredText(stored);
  return { [field]: text, [`${field}Text`]: coded } as Record<F, string> & Record<`${F}Text`, ServerText | null>;
}
