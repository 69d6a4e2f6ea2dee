import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

// The same formats the server's contracts enforce, checked here so mistakes show before sending.
const USERNAME_FORMAT = /^[A-Za-z0-9_.-]+$/;
const SHOP_SLUG_FORMAT = /^[a-z0-9][a-z0-9-]*$/;
export const PASSWORD_MIN = 8;

/** "Please enter <field>", trimmed text only. */
export function requiredRule(t: TFunction, field: string): FormRule {
  return { required: true, whitespace: true, message: t('form.required', { field }) };
}

/** An account name: letters, digits, _ . - */
export function usernameRules(t: TFunction, field: string): FormRule[] {
  return [requiredRule(t, field), { pattern: USERNAME_FORMAT, message: t('form.usernameFormat') }];
}

/** A shop identifier: lowercase letters, digits and dashes, not starting with a dash. */
export function shopSlugRules(t: TFunction, field: string): FormRule[] {
  return [requiredRule(t, field), { pattern: SHOP_SLUG_FORMAT, message: t('form.shopFormat') }];
}

/** A new password: at least PASSWORD_MIN characters. */
export function passwordRules(t: TFunction, field: string): FormRule[] {
  return [
    { required: true, message: t('form.required', { field }) },
    { min: PASSWORD_MIN, message: t('form.passwordMin', { min: PASSWORD_MIN }) },
  ];
}
