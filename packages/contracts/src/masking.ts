import { can, type CapabilityHolder } from './capabilities.js';

/**
 * Masks for personal data shown to people who need to know that something changed, not what it is
 * (the audit log for managers, the workbench's phone numbers). Already masked values pass through.
 */

/** 13812341234 → 138****1234; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  if (phone.includes('*')) return phone;
  const digits = phone.replace(/\s+/g, '');
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return digits.length > 2 ? `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}` : '**';
}

// The province (or municipality), then the prefecture-level city when one is written.
const PROVINCE = /^(.{2,8}?(?:省|自治区|特别行政区|市))/;
const CITY = /^(.{1,10}?(?:市|自治州|地区|盟))/;

/** 江苏省南京市鼓楼区中山北路120号 → 江苏省南京市****; without a recognisable province the first two characters stay. */
export function maskAddress(address: string): string {
  if (address.includes('****')) return address;
  const province = PROVINCE.exec(address)?.[1];
  if (!province) return `${address.slice(0, 2)}****`;
  const city = CITY.exec(address.slice(province.length))?.[1] ?? '';
  return `${province}${city}****`;
}

/** 王小丫 → 王**: the first character, then one star per remaining character. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return name;
  if (chars.length > 1 && chars.slice(1).every((c) => c === '*')) return name;
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

/**
 * Whether the viewer sees phone numbers in full (the `buyers.see_full_phone` capability). Every view of a phone
 * (right pane, order cards, receivers, tasks, stream frames) follows this one rule.
 */
export function seesFullPhone(viewer: CapabilityHolder): boolean {
  return can(viewer, 'buyers.see_full_phone');
}

/** A phone number as the viewer may see it: in full or masked (maskPhone); null stays null. */
export function phoneForViewer<T extends string | null>(phone: T, viewer: CapabilityHolder): T {
  return (phone && !seesFullPhone(viewer) ? maskPhone(phone) : phone) as T;
}
