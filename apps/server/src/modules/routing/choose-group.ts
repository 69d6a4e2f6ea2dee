import { matchesKeywords, prepareKeywordText, type EntryKind, type RoutingRule, type RoutingSettings } from '@golddesk/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { isAftersaleBuyer } from '../cases/index.js';

/** What is known of a buyer arriving: who, from where, what they wrote first, when. */
export interface Arrival {
  shopId: string;
  buyerId: string;
  entry: EntryKind | null;
  /** The buyer's first message when it is text ('' for an image or a card). */
  text: string;
  at: Date;
}

/** The moment as a China wall-clock time, YYYY-MM-DDTHH:mm (rule windows are written that way). */
function chinaLocal(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

/** Whether every condition of the rule holds for the arrival. */
export function ruleMatches(rule: RoutingRule, arrival: Omit<Arrival, 'shopId' | 'buyerId'>): boolean {
  if (!rule.enabled) return false;
  if (rule.entry && rule.entry !== arrival.entry) return false;
  const local = chinaLocal(arrival.at);
  if (rule.from && local < rule.from) return false;
  if (rule.to && local >= rule.to) return false;
  if (rule.keywords?.length) {
    const text = prepareKeywordText(arrival.text);
    if (!text.value || !matchesKeywords(text, rule.keywords, 'contains')) return false;
  }
  return true;
}

/**
 * The group a buyer goes to: the shop's rules in order (so a campaign-day rule can overrule the rest), then 售后 for a
 * buyer with an open case or a recently signed order, then the default group.
 */
export async function chooseGroup(
  app: AppContext,
  settings: RoutingSettings,
  arrival: Arrival,
): Promise<{ group: string; why: string }> {
  const index = settings.rules.findIndex((rule) => ruleMatches(rule, arrival));
  if (index >= 0) return { group: settings.rules[index]!.group, why: `rule:${settings.rules[index]!.id ?? index + 1}` };
  if (settings.aftersaleByBuyerState && (await isAftersaleBuyer(app.storage.db, arrival.shopId, arrival.buyerId, arrival.at))) {
    return { group: 'aftersale', why: 'aftersale_buyer' };
  }
  return { group: settings.defaultGroup, why: 'default' };
}
