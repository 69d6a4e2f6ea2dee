import { statusWord } from '@golddesk/contracts';
import type { Language } from '../../platform/http/errors.js';

/**
 * Notes on what became of a store event (why it waits, why it was ignored, what was inferred) are stored as codes
 * with parameters and worded when shown, in the reader's language, with statuses through the one translation
 * (订单已是「已发货」 / the order is already shipped). Notes stored as plain text by older versions are shown as they are.
 */
const NOTES = {
  order_not_synced: {
    'zh-CN': '订单 {orderNo} 尚未同步，待订单到达后处理',
    en: 'order {orderNo} has not been synced yet; waiting for it',
  },
  order_closed_ignored: {
    'zh-CN': '订单 {orderNo} 已关闭，忽略{eventType}事件',
    en: 'order {orderNo} is closed: the {eventType} is ignored',
  },
  already_closed: { 'zh-CN': '订单已关闭', en: 'the order is already closed' },
  paid_needs_refund: {
    'zh-CN': '订单 {orderNo} 已付款，关闭需走退款流程',
    en: 'order {orderNo} is paid: closing it takes a refund',
  },
  shipped_not_overwritten: {
    'zh-CN': '订单 {orderNo} 已发货，不再用同步数据覆盖',
    en: 'order {orderNo} has shipped: synced data no longer overwrites it',
  },
  inferred: { 'zh-CN': '由{eventType}事件推定：{statuses}', en: 'inferred from the {eventType}: {statuses}' },
  case_not_found: { 'zh-CN': '找不到售后单 {caseNo}', en: 'no after-sales case {caseNo}' },
  case_not_awaiting_refund: {
    'zh-CN': '售后单 {caseNo} 当前为「{caseState}」，不在待退款状态，已忽略',
    en: 'case {caseNo} is {caseState}, not waiting for a refund: ignored',
  },
  status_kept: { 'zh-CN': '订单已是「{status}」，仅更新时间', en: 'the order is already {status}: only the time was updated' },
} as const satisfies Record<string, Record<Language, string>>;

export type InboundNoteCode = keyof typeof NOTES;

/** One part of a note; `status`/`statuses` are order statuses, `eventType` an event type: all worded when shown. */
export interface InboundNote {
  code: InboundNoteCode;
  params?: { orderNo?: string; eventType?: string; status?: string; statuses?: string[]; caseNo?: string; caseState?: string };
}

/** The note as stored (JSON), or null for none. */
export function storeNotes(notes: readonly InboundNote[] | undefined): string | null {
  return notes?.length ? JSON.stringify(notes) : null;
}

/** A stored note in the reader's language; null stays null, plain text from older versions is returned as it is. */
export function wordNotes(stored: string | null, language: Language): string | null {
  if (!stored) return null;
  let notes: InboundNote[];
  try {
    notes = JSON.parse(stored) as InboundNote[];
    if (!Array.isArray(notes)) return stored;
  } catch {
    return stored;
  }
  return notes.map((note) => wordNote(note, language)).join(language === 'en' ? '; ' : '；');
}

function wordNote(note: InboundNote, language: Language): string {
  const template: string = NOTES[note.code]?.[language] ?? note.code;
  const params = note.params ?? {};
  const list = language === 'en' ? ', ' : '、';
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (key === 'status') return statusWord('order', params.status ?? '', language);
    if (key === 'statuses') return (params.statuses ?? []).map((s) => statusWord('order', s, language)).join(list);
    if (key === 'caseState') return statusWord('case', params.caseState ?? '', language);
    if (key === 'eventType') return statusWord('inboundEventType', params.eventType ?? '', language);
    return String(params[key as keyof typeof params] ?? '');
  });
}
