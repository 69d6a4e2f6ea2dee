import { IMPORT_COLUMNS, statusWord, type ImportKind, type ImportRowError } from '@golddesk/contracts';
import type { Language } from '../../platform/http/errors.js';

/** Why one row was not imported: a stable code and its params; worded in the reader's language when presented. */
export interface RowReason {
  code: RowReasonCode;
  params?: Record<string, string | number>;
}

/** A failed row as stored: its line and every reason found on it. */
export interface StoredRowError {
  line: number;
  reasons: RowReason[];
}

// {column}/{other} name a column key (worded as its header); {status} an order status.
const REASONS = {
  missing_value: { 'zh-CN': '{column}不能为空', en: '{column} is empty' },
  invalid_amount: { 'zh-CN': '{column}不是有效的金额', en: '{column} is not a valid amount' },
  invalid_quantity: { 'zh-CN': '{column}必须是大于 0 的整数', en: '{column} must be a whole number above 0' },
  invalid_weight: {
    'zh-CN': '{column}必须是 1 到 100000 之间的整数（克）',
    en: '{column} must be a whole number of grams from 1 to 100000',
  },
  invalid_stock: { 'zh-CN': '{column}必须是不小于 0 的整数', en: '{column} must be a whole number, 0 or more' },
  invalid_status: {
    'zh-CN': '{column}「{value}」无法识别（可填：待付款、已付款、已发货、已签收、交易成功、交易关闭）',
    en: '{column} "{value}" is unknown (use pending_payment, paid, shipped, signed, completed or closed)',
  },
  invalid_time: {
    'zh-CN': '{column}不是有效的时间（如 2026-11-11 10:00:00）',
    en: '{column} is not a valid time (e.g. 2026-11-11 10:00:00)',
  },
  invalid_sku: { 'zh-CN': '{column}格式应为「颜色:黑色;尺码:M」', en: '{column} must look like 颜色:黑色;尺码:M' },
  invalid_phone: { 'zh-CN': '{column}不是有效的电话号码', en: '{column} is not a valid phone number' },
  too_long: { 'zh-CN': '{column}过长（最多 {max} 个字）', en: '{column} is too long (at most {max} characters)' },
  state_needs: { 'zh-CN': '订单状态为「{status}」时{column}不能为空', en: 'status {status} requires {column}' },
  state_forbids: { 'zh-CN': '订单状态为「{status}」时不应填写{column}', en: 'status {status} must not have {column}' },
  time_before: { 'zh-CN': '{column}早于{other}', en: '{column} is earlier than {other}' },
  conflicts_with_line: {
    'zh-CN': '{column}与同一订单第 {line} 行不一致',
    en: '{column} differs from line {line} of the same order',
  },
  order_has_bad_lines: {
    'zh-CN': '同一订单的第 {lines} 行有错误，整单未导入',
    en: 'line {lines} of the same order failed, so the whole order was not imported',
  },
  duplicate_sku: { 'zh-CN': '与第 {line} 行的 SKU 重复', en: 'same SKU as line {line}' },
  invalid_rating: {
    'zh-CN': '{column}「{value}」无法识别（可填 1–5 星，或 好评、中评、差评）',
    en: '{column} "{value}" is unknown (use 1–5 stars, or 好评/中评/差评)',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type RowReasonCode = keyof typeof REASONS;

/** At most this many failed rows are kept with their reasons; the count of failed rows stays exact. */
export const MAX_STORED_ERRORS = 1000;

function columnName(kind: ImportKind, key: string, language: Language): string {
  const column = IMPORT_COLUMNS[kind].find((c) => c.key === key);
  if (!column) return key;
  return language === 'en' ? column.en : column.zh;
}

export function wordReason(kind: ImportKind, reason: RowReason, language: Language): string {
  const params = reason.params ?? {};
  return REASONS[reason.code][language].replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) return '';
    if (key === 'column' || key === 'other') return columnName(kind, String(value), language);
    if (key === 'status') return statusWord('order', String(value), language);
    return String(value);
  });
}

/** "第 5 行：实付金额不是有效的金额" / "line 5: total is not a valid amount". */
export function wordRowError(kind: ImportKind, error: StoredRowError, language: Language): ImportRowError {
  const reason = error.reasons.map((r) => wordReason(kind, r, language)).join(language === 'en' ? '; ' : '；');
  const message = language === 'en' ? `line ${error.line}: ${reason}` : `第 ${error.line} 行：${reason}`;
  return { line: error.line, reason, message };
}
