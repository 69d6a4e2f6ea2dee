import { formatFen, PROVINCE_NAMES, type AuditEntry, type MemoFlag } from '@golddesk/contracts';
import type { TFunction } from 'i18next';

/** Provinces as written in addresses (shared with the courier rules). */
export const PROVINCES = PROVINCE_NAMES;

/** Splits a stored address into its province (matched with or without 省/市/自治区) and the rest. */
export function splitAddress(address: string): { province: string | undefined; rest: string } {
  for (const province of PROVINCES) {
    const short = province.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
    for (const prefix of [province, short]) {
      if (address.startsWith(prefix)) return { province, rest: address.slice(prefix.length) };
    }
  }
  return { province: undefined, rest: address };
}

/** 备注 flag colours, in Qianniu's order, with the colour each is drawn in. */
export const MEMO_FLAGS: Record<MemoFlag, string> = {
  red: '#f5222d',
  yellow: '#fadb14',
  green: '#52c41a',
  blue: '#1677ff',
  purple: '#722ed1',
};

/** Reasons offered when closing an order; sent verbatim (the buyer is told in Chinese). */
export const CLOSE_REASONS = [
  { value: '买家不想要了', key: 'notWanted' },
  { value: '重复下单', key: 'duplicate' },
  { value: '信息填写错误', key: 'wrongInfo' },
  { value: '其他', key: 'other' },
] as const;

const MONEY_FIELDS = new Set(['totalFen', 'requestedTotalFen', 'newTotalFen', 'currentTotalFen', 'originalTotalFen']);
const PERCENT_FIELDS = new Set(['discount', 'limit']);
// Bookkeeping ids: useful to the server, noise to an agent.
const HIDDEN_FIELDS = new Set(['approvalId', 'skuId']);

function formatValue(t: TFunction, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (MONEY_FIELDS.has(key) && typeof value === 'number') return formatFen(value);
  if (PERCENT_FIELDS.has(key) && typeof value === 'number') return `${(value * 100).toFixed(1)}%`;
  if (key === 'status' && typeof value === 'string')
    return t(`customer.status.${value}`, { defaultValue: t(`approvals.status.${value}`, { defaultValue: value }) });
  if (key === 'flag' && typeof value === 'string') return t(`orders.memo.flags.${value}`, { defaultValue: value });
  if (key === 'tracking' && typeof value === 'string') return t(`logistics.status.${value}`, { defaultValue: value });
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}${t('customer.colon')}${String(v)}`)
      .join('，');
  }
  return String(value);
}

/** One side of an audit entry as "field：value" lines, ids left out. */
export function describeFields(t: TFunction, fields: Record<string, unknown> | null): string[] {
  if (!fields) return [];
  return (
    Object.entries(fields)
      // An empty optional remark (no reason, no note) says nothing.
      .filter(
        ([key, value]) => !HIDDEN_FIELDS.has(key) && !((key === 'reason' || key === 'note') && (value === null || value === '')),
      )
      .map(
        ([key, value]) =>
          `${t(`orders.history.fields.${key}`, { defaultValue: key })}${t('customer.colon')}${formatValue(t, key, value)}`,
      )
  );
}

/** The action of an audit entry in the UI language (order.price_changed → 改价). */
export function actionLabel(t: TFunction, entry: AuditEntry): string {
  return t(`orders.history.actions.${entry.action.replaceAll('.', '_')}`, { defaultValue: entry.action });
}
