import {
  DEFAULT_PAYMENT_REMINDER_SETTINGS,
  formatFen,
  PaymentReminderSettings,
  serverText,
  storeServerText,
} from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { readShopSettingsJson, shopSettingOf, writeShopSetting } from '../shops/index.js';

/** The shop's 催付 settings (shops.settings.paymentReminders), defaults filled in. */
export function reminderSettingsOf(settingsJson: string | null | undefined): PaymentReminderSettings {
  return shopSettingOf(settingsJson, 'paymentReminders', PaymentReminderSettings, DEFAULT_PAYMENT_REMINDER_SETTINGS);
}

export async function readReminderSettings(db: Queryable, shopId: string): Promise<PaymentReminderSettings> {
  return reminderSettingsOf(await readShopSettingsJson(db, shopId));
}

/** Replaces shops.settings.paymentReminders, keeping the shop's other settings as they are. */
export async function writeReminderSettings(db: Queryable, shopId: string, settings: PaymentReminderSettings) {
  await writeShopSetting(db, shopId, 'paymentReminders', settings);
}

/** When the reminder number `seq` is due: firstAfter minutes after placing, then each gap after the previous one. */
export function reminderDueAt(settings: PaymentReminderSettings, seq: number, placedAt: string, lastSentAt: string | null): Date {
  if (seq === 1 || !lastSentAt) return new Date(Date.parse(placedAt) + settings.firstAfterMinutes * 60_000);
  const gaps = settings.repeatAfterMinutes;
  const gap = gaps[Math.min(seq - 2, gaps.length - 1)]!;
  return new Date(Date.parse(lastSentAt) + gap * 60_000);
}

/**
 * Why an order deserves a phone/SMS follow-up (金额 ¥259.00 ≥ ¥200.00，VIP3), stored coded so agents reading in
 * English see it in English; undefined when it does not.
 */
export function followUpReason(settings: PaymentReminderSettings, totalFen: number, vipLevel: number): string | undefined {
  const params: Record<string, string> = {};
  if (totalFen >= settings.taskThresholdFen) {
    params.total = formatFen(totalFen);
    params.threshold = formatFen(settings.taskThresholdFen);
  }
  if (settings.taskMinVip > 0 && vipLevel >= settings.taskMinVip) params.vip = String(vipLevel);
  return Object.keys(params).length ? storeServerText(serverText('reminder.follow_up', params).coded) : undefined;
}
