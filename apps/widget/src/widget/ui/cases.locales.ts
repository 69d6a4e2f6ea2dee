import { statusWord } from '@golddesk/contracts/status-words';
import type { BuyerCaseView, CaseType } from '../types.js';
import type { WidgetLanguage } from '../language.js';

/** The after-sales (售后) words of the widget, Chinese first; `{name}` marks a parameter. */
const ZH = {
  casesButton: '售后',
  casesTitle: '我的售后',
  casesUpdated: '售后有新进展',
  backToChat: '‹ 返回聊天',
  backToOrders: '‹ 返回订单',
  loading: '售后加载中…',
  loadFailed: '售后加载失败，',
  retry: '点击重试',
  empty: '您还没有售后申请，可以在「我的订单」里申请',
  apply: '申请售后',
  applyTitle: '申请售后',
  applyFor: '订单号 {orderNo}',
  type: '售后类型',
  chooseType: '请选择售后类型',
  reason: '问题描述',
  reasonPlaceholder: '请描述遇到的问题，例如：收到的口红外壳有裂痕',
  reasonRequired: '请填写问题描述',
  refund: '退款金额（元，选填）',
  refundPlaceholder: '最多 {max}',
  refundInvalid: '请填写正确的金额，例如 29.90',
  refundTooMuch: '退款金额不能超过订单金额 {max}',
  submit: '提交申请',
  submitting: '提交中…',
  cancel: '取消',
  networkError: '网络连接失败，请稍后再点提交（不会重复提交）',
  submitted: '售后申请已提交',
  caseNo: '售后单号 {caseNo}',
  orderNo: '订单号 {orderNo}',
  refundAsked: '申请退款 {amount}',
  progress: '处理进度',
  goodwill: '已获补偿',
  returnAddress: '退货地址',
  returnForm: '填写退货物流',
  carrier: '快递公司',
  chooseCarrier: '请选择快递公司',
  trackingNo: '运单号',
  trackingInvalid: '运单号为 6–40 位字母、数字或 -',
  carrierRequired: '请选择快递公司',
  sendTracking: '提交物流信息',
  returnSent: '退货运单号：{trackingNo}',
  reshipExchange: '换货已发出：{parcel}',
  reshipWrongItem: '补发已发出：{parcel}',
  reshipRepair: '维修后已寄回：{parcel}',
  reshipOther: '已发出：{parcel}',
  evidence: '凭证照片',
  evidenceAsked: '请按清单上传照片，方便我们尽快处理',
  evidenceMissing: '还差 {count} 项：{items}',
  evidenceComplete: '照片已齐全，感谢配合',
  upload: '上传',
  uploadMore: '再传一张',
  uploading: '上传中…',
  uploadTooLarge: '图片不能超过 5 MB',
  photo: '{item} 照片',
  withdraw: '撤销申请',
  withdrawConfirm: '确定撤销售后申请 {caseNo} 吗？',
  working: '处理中…',
} as const;

type Words = Record<keyof typeof ZH, string>;

const EN: Words = {
  casesButton: 'Cases',
  casesTitle: 'After-sales',
  casesUpdated: 'An after-sales case has news',
  backToChat: '‹ Back to chat',
  backToOrders: '‹ Back to orders',
  loading: 'Loading your cases…',
  loadFailed: 'Your cases could not be loaded. ',
  retry: 'Try again',
  empty: 'No after-sales requests yet; start one from My orders',
  apply: 'After-sales',
  applyTitle: 'Request after-sales',
  applyFor: 'Order {orderNo}',
  type: 'Type',
  chooseType: 'Choose what you need',
  reason: 'What happened',
  reasonPlaceholder: 'Describe the problem, e.g. the lipstick case arrived cracked',
  reasonRequired: 'Please describe the problem',
  refund: 'Refund amount (yuan, optional)',
  refundPlaceholder: 'up to {max}',
  refundInvalid: 'Enter an amount such as 29.90',
  refundTooMuch: 'The refund cannot be more than the order total {max}',
  submit: 'Submit',
  submitting: 'Submitting…',
  cancel: 'Cancel',
  networkError: 'No connection. Press Submit again later (it will not be sent twice)',
  submitted: 'Your request was submitted',
  caseNo: 'Case {caseNo}',
  orderNo: 'Order {orderNo}',
  refundAsked: 'Refund asked: {amount}',
  progress: 'Progress',
  goodwill: 'Goodwill received',
  returnAddress: 'Return address',
  returnForm: 'Your return parcel',
  carrier: 'Carrier',
  chooseCarrier: 'Choose a carrier',
  trackingNo: 'Tracking number',
  trackingInvalid: 'Tracking number: 6–40 letters, digits or -',
  carrierRequired: 'Choose a carrier',
  sendTracking: 'Send tracking number',
  returnSent: 'Return tracking number: {trackingNo}',
  reshipExchange: 'Replacement shipped: {parcel}',
  reshipWrongItem: 'Missing item shipped: {parcel}',
  reshipRepair: 'Repaired item shipped back: {parcel}',
  reshipOther: 'Shipped: {parcel}',
  evidence: 'Photos',
  evidenceAsked: 'Please upload the photos on this list so we can help quickly',
  evidenceMissing: '{count} still missing: {items}',
  evidenceComplete: 'All photos received, thank you',
  upload: 'Upload',
  uploadMore: 'Add another',
  uploading: 'Uploading…',
  uploadTooLarge: 'Images can be at most 5 MB',
  photo: 'Photo of {item}',
  withdraw: 'Withdraw request',
  withdrawConfirm: 'Withdraw after-sales request {caseNo}?',
  working: 'Working…',
};

/** Translates a key into the widget's language, filling `{name}` parameters. */
export type Translate = (key: keyof typeof ZH, params?: Record<string, string | number>) => string;

/** The after-sales words in one language. */
export function caseWords(language: WidgetLanguage): Translate {
  const words: Words = language === 'en' ? EN : ZH;
  return (key, params = {}) => words[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** Every type a buyer may ask for, in the order the form lists them (the contract's CaseType, without zod). */
export const BUYER_CASE_TYPES = [
  'refund_only',
  'return_refund',
  'exchange',
  'wrong_item',
  'quality',
  'logistics',
  'price_protection',
  'invoice',
  'repair',
] as const satisfies readonly CaseType[];
// A type added to the contract must be added here too (a compile error until it is).
const allTypesListed: Exclude<CaseType, (typeof BUYER_CASE_TYPES)[number]> extends never ? true : false = true;
void allTypesListed;

/** Types that ask for money back, where the form offers a refund amount (the contract's REFUND_CASE_TYPES). */
export const REFUND_TYPES: readonly CaseType[] = ['refund_only', 'return_refund', 'price_protection'];

/** Order states after payment, where after-sales can be asked for. */
export const AFTERSALE_ORDER_STATES: readonly string[] = ['paid', 'shipped', 'signed', 'completed'];

/** Carriers the buyer may send a return with: the Chinese name is what the server stores. */
export const RETURN_CARRIERS: readonly { name: string; en: string }[] = [
  { name: '顺丰速运', en: 'SF Express' },
  { name: '圆通速递', en: 'YTO Express' },
  { name: '中通快递', en: 'ZTO Express' },
  { name: '申通快递', en: 'STO Express' },
  { name: '韵达快递', en: 'Yunda Express' },
  { name: '京东快递', en: 'JD Logistics' },
  { name: '邮政EMS', en: 'China Post EMS' },
  { name: '极兔速递', en: 'J&T Express' },
  { name: '天天快递', en: 'TTK Express' },
];

// The contract's English words are lower case (they also sit inside sentences); alone on a label they start upper case.
const upperFirst = (word: string, language: WidgetLanguage) =>
  language === 'en' ? word.charAt(0).toUpperCase() + word.slice(1) : word;

/** A case's type, state and goodwill kinds as the buyer reads them, as labels. */
export function caseTypeWord(type: string, language: WidgetLanguage): string {
  return upperFirst(statusWord('caseType', type, language), language);
}
export function caseStateWord(state: string, language: WidgetLanguage): string {
  return upperFirst(statusWord('case', state, language), language);
}
export function compensationWord(kind: string, language: WidgetLanguage): string {
  return upperFirst(statusWord('compensation', kind, language), language);
}

/** The carrier's name in the widget's language (a name the list does not know is shown as it is). */
export function carrierName(name: string, language: WidgetLanguage): string {
  if (language === 'zh-CN') return name;
  return RETURN_CARRIERS.find((c) => c.name === name || c.name.startsWith(name))?.en ?? name;
}

/** The line about the replacement's parcel (换货已发出：顺丰速运 SF123…), or null when nothing was shipped. */
export function reshipLine(c: BuyerCaseView, t: Translate, language: WidgetLanguage): string | null {
  if (!c.reshipTrackingNo) return null;
  const parcel = [c.reshipCarrier ? carrierName(c.reshipCarrier, language) : '', c.reshipTrackingNo].filter(Boolean).join(' ');
  const key =
    c.type === 'exchange'
      ? 'reshipExchange'
      : c.type === 'wrong_item'
        ? 'reshipWrongItem'
        : c.type === 'repair'
          ? 'reshipRepair'
          : 'reshipOther';
  return t(key, { parcel });
}

/** "11-26 14:03" (China time, as the shop's timeline reads); the year only when it is not this year. */
export function formatWhen(iso: string, now = new Date()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const china = new Date(at + 8 * 3600_000);
  const thisYear = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${pad(china.getUTCMonth() + 1)}-${pad(china.getUTCDate())}`;
  const year = china.getUTCFullYear() === thisYear ? '' : `${china.getUTCFullYear()}-`;
  return `${year}${day} ${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`;
}
