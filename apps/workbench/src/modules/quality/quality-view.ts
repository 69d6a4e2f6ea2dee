import { chinaMidnightOf, chinaTimeOf, type QualityHitView, type QualityRuleKind } from '@golddesk/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useRuleName } from './QualityRuleCard';
import { useQualityRules } from './quality-rules.store';

const DAY_MS = 24 * 3600_000;

/** The China date `days` days back from today, and today: the page opens on the last week. */
export function lastDays(days: number, now = new Date()): { from: string; to: string } {
  const today = chinaTimeOf(now).date;
  return { from: chinaTimeOf(new Date(chinaMidnightOf(today) - (days - 1) * DAY_MS)).date, to: today };
}

/** A time as the lists show it: 11-20 10:04. */
export function shortTime(iso: string): string {
  return dayjs(iso).format('MM-DD HH:mm');
}

/** Rules that judge a whole reply (its greeting, speed, thanks) rather than some of its words. */
export const WHOLE_REPLY_KINDS: readonly QualityRuleKind[] = ['no_greeting', 'slow_reply', 'no_thanks'];

/** A colour for a score: green from 95, gold from 85, red below. */
export function scoreColor(score: number): string {
  return score >= 95 ? 'green' : score >= 85 ? 'gold' : 'red';
}

/** A hit's rule in the reader's language: the shop's rule if it still has it, else the built-in name or the kind. */
export function useHitRuleName(): (hit: Pick<QualityHitView, 'rule' | 'kind'>) => string {
  const { t } = useTranslation();
  const rules = useQualityRules();
  const ruleName = useRuleName();
  return (hit) => {
    const rule = rules?.find((r) => r.id === hit.rule);
    return rule ? ruleName(rule) : t(`quality.rule.${hit.rule}`, { defaultValue: t(`quality.kind.${hit.kind}`) });
  };
}
