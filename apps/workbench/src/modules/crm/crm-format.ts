import { customerTypeInfo, CUSTOMER_TYPES } from '@golddesk/contracts';
import type { TFunction } from 'i18next';
import { currentLanguage } from '../../platform/i18n';

/** "刚刚", "5 分钟前", "3 小时前", "2 天前" from an ISO time. */
export function timeAgo(iso: string, now: number, t: TFunction): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return t('crm.justNow');
  if (minutes < 60) return t('crm.minutesAgo', { n: minutes });
  if (minutes < 60 * 24) return t('crm.hoursAgo', { n: Math.floor(minutes / 60) });
  return t('crm.daysAgo', { n: Math.floor(minutes / 1440) });
}

const english = () => currentLanguage() === 'en';

/** The customer type's label in the UI language. */
export function typeLabel(key: string | null | undefined): string {
  const info = customerTypeInfo(key);
  return info ? (english() ? info.en : info.zh) : '';
}

/** The strategy tip (接待策略) for the type, in the UI language. */
export function typeTip(key: string | null | undefined): string {
  const info = customerTypeInfo(key);
  return info ? (english() ? info.tipEn : info.tipZh) : '';
}

/** Options for a type select: label plus how to recognise the type. */
export function typeOptions() {
  return CUSTOMER_TYPES.map((type) => ({
    value: type.key,
    label: english() ? type.en : type.zh,
    sign: english() ? type.signEn : type.signZh,
  }));
}
