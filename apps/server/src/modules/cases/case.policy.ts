import {
  AftersalePolicy,
  can,
  chinaTimeOf,
  DEFAULT_AFTERSALE_POLICY,
  REFUND_CASE_TYPES,
  serverText,
  type CaseEligibility,
  type CapabilityHolder,
  type CaseType,
  type ServerTextLine,
} from '@golddesk/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { wordsForQuery } from '../../platform/db/full-text-search.js';
import { AppError } from '../../platform/http/errors.js';
import { readShopSettingsJson, shopSettingOf, writeShopSetting } from '../shops/index.js';

const DAY_MS = 24 * 3600_000;
const SETTINGS_KEY = 'aftersalePolicy';

/** The shop's 售后政策 (shops.settings.aftersalePolicy) over the defaults. */
export async function readAftersalePolicy(db: Queryable, shopId: string): Promise<AftersalePolicy> {
  return shopSettingOf(await readShopSettingsJson(db, shopId), SETTINGS_KEY, AftersalePolicy, DEFAULT_AFTERSALE_POLICY);
}

export async function writeAftersalePolicy(db: Queryable, shopId: string, policy: AftersalePolicy) {
  await writeShopSetting(db, shopId, SETTINGS_KEY, policy);
}

/** What the policy needs to know of the order a case is about. */
export interface OrderFacts {
  status: string;
  paidAt: string | null;
  shippedAt: string | null;
  signedAt: string | null;
  completedAt: string | null;
  /** The lines concerned, with the listing's notes (商品详情的说明, e.g. 浅色可能轻微褪色). */
  lines: { productId: string; title: string; listingNotes: string | null }[];
}

export interface EligibilityInput {
  policy: AftersalePolicy;
  type: CaseType;
  reason: string | null;
  order: OrderFacts;
  /** When the buyer asked (the case's opening time). */
  at: Date;
}

/** The verdict with its reason as a coded text (Chinese for the buyer, English for agents reading in English). */
export interface Verdict {
  eligible: boolean;
  rule: string;
  line: ServerTextLine;
}

/**
 * Judges a request by the shop's policy: order state, the product's exceptions and listing, and the window of the
 * type counted from signing (付款 for 价保), in China time. The verdict is advice shown on the case: an agent may still
 * help (goodwill) where the rule says no.
 */
export function judgeEligibility({ policy, type, reason, order, at }: EligibilityInput): Verdict {
  const verdict = (eligible: boolean, rule: string, line: ServerTextLine): Verdict => ({ eligible, rule, line });
  if (order.status === 'pending_payment') return verdict(false, 'unpaid', serverText('case.ineligible.unpaid'));
  if (order.status === 'closed') return verdict(false, 'order_closed', serverText('case.ineligible.closed'));
  if (type === 'invoice' || type === 'logistics') {
    return verdict(true, 'always', serverText('case.eligible.any', { caseType: type }));
  }
  const applied = monthDay(at);
  if (type === 'price_protection') {
    const paidAt = order.paidAt ?? order.shippedAt;
    const days = policy.priceProtectionDays;
    const params = { paid: paidAt ? monthDay(new Date(paidAt)) : '—', applied, days: String(days), window: 'price_protection' };
    const within = paidAt !== null && at.getTime() - Date.parse(paidAt) <= days * DAY_MS;
    return within
      ? verdict(true, 'price_protection_window', serverText('case.eligible.within_paid', params))
      : verdict(false, 'price_protection_window', serverText('case.ineligible.past_paid', params));
  }
  if (!order.shippedAt && order.status === 'paid') {
    return verdict(true, 'unshipped', serverText('case.eligible.unshipped'));
  }
  const signedAt = order.signedAt ?? order.completedAt;
  if (!signedAt) return verdict(true, 'not_signed', serverText('case.eligible.not_signed'));

  const sinceSigning = at.getTime() - Date.parse(signedAt);
  const dates = { signed: monthDay(new Date(signedAt)), applied };
  const noReasonDays = policy.noReasonReturnDays;
  const pastNoReason = sinceSigning > noReasonDays * DAY_MS;

  if (type === 'quality') {
    const disclosed = disclosedTrait(reason, order.lines);
    if (disclosed) {
      const past = pastNoReason ? { ...dates, days: String(noReasonDays) } : {};
      return verdict(false, 'disclosed_trait', serverText('case.ineligible.disclosed', { note: disclosed, ...past }));
    }
  }
  if (type === 'return_refund' || type === 'exchange' || type === 'refund_only') {
    const excepted = order.lines
      .map((line) => ({ line, rule: policy.productRules.find((r) => r.productId === line.productId && r.notReturnable) }))
      .find((x) => x.rule);
    if (excepted) {
      return verdict(
        false,
        'not_returnable',
        serverText('case.ineligible.not_returnable', { title: excepted.line.title, label: excepted.rule!.label }),
      );
    }
  }
  const window = windowOf(policy, type);
  const params = { ...dates, days: String(window.days), window: window.name };
  return sinceSigning <= window.days * DAY_MS
    ? verdict(true, `${window.name}_window`, serverText('case.eligible.within', params))
    : verdict(false, `${window.name}_window`, serverText('case.ineligible.past', params));
}

function windowOf(policy: AftersalePolicy, type: CaseType): { name: string; days: number } {
  if (type === 'quality' || type === 'wrong_item') return { name: 'quality', days: policy.qualityDays };
  if (type === 'exchange') return { name: 'exchange', days: policy.exchangeDays };
  if (type === 'repair') return { name: 'repair', days: policy.repairDays };
  return { name: 'no_reason', days: policy.noReasonReturnDays };
}

// Words that say nothing about a product's trait, so a listing mentioning them discloses nothing.
const PLAIN_WORDS = new Set([
  '质量',
  '问题',
  '商品',
  '产品',
  '宝贝',
  '可能',
  '出现',
  '一下',
  '这个',
  '那个',
  '就是',
  '一次',
  '已经',
  '没有',
  '什么',
  '怎么',
  '我们',
  '你们',
  '收到',
  '购买',
  '东西',
  '衣服',
  '情况',
  '现象',
  '正常',
]);

/**
 * The listing's clause that warned about what the buyer complains of (浅色可能轻微褪色 for 洗了一次就褪色了), or
 * undefined. Matched on the complaint's words (jieba), ignoring words that name no trait.
 */
export function disclosedTrait(reason: string | null, lines: OrderFacts['lines']): string | undefined {
  if (!reason) return undefined;
  const words = wordsForQuery(reason).filter((w) => w.length >= 2 && /\p{Script=Han}/u.test(w) && !PLAIN_WORDS.has(w));
  for (const line of lines) {
    if (!line.listingNotes) continue;
    const clauses = line.listingNotes
      .split(/[。；;，,！!\n]/)
      .map((c) => c.trim())
      .filter(Boolean);
    const clause = clauses.find((c) => words.some((w) => c.includes(w)));
    if (clause) return clause;
  }
  return undefined;
}

/** The eligibility as a case carries it, worded for the reader. */
export function eligibilityOf(verdict: Verdict): CaseEligibility {
  return { eligible: verdict.eligible, rule: verdict.rule, reason: verdict.line.text, reasonText: verdict.line.coded };
}

/**
 * The Double-11 rule: refund requests are not taken on the shop's freeze days (China time). Refused with the reason
 * and the day they open again; nothing is stored.
 */
export function assertNoRefundFreeze(policy: AftersalePolicy, type: CaseType | 'partial_refund', at: Date) {
  if (type !== 'partial_refund' && !REFUND_CASE_TYPES.includes(type)) return;
  const today = chinaTimeOf(at).date;
  const freeze = policy.refundFreezes.find((f) => f.from <= today && today <= f.to);
  if (!freeze) return;
  const reopen = new Date(Date.parse(`${freeze.to}T00:00:00.000Z`) + DAY_MS).toISOString().slice(5, 10);
  throw new AppError('refund_frozen', { label: freeze.label, from: freeze.from.slice(5), to: freeze.to.slice(5), reopen });
}

/** When a case of `type` opened at `at` must be resolved. */
export function caseDeadline(policy: AftersalePolicy, type: CaseType, at: Date): Date {
  const hours = policy.slaHours[type] ?? 48;
  return new Date(at.getTime() + hours * 3600_000);
}

/** The goodwill the agent may give on one case without asking: their role's limit (the owner: no limit). */
export function compensationLimitFen(policy: AftersalePolicy, agent: CapabilityHolder & { role: string }): number {
  if (can(agent, 'cases.set_authority')) return Number.MAX_SAFE_INTEGER;
  return policy.compensationLimitsFen[agent.role] ?? 0;
}

/** MM-DD in China time. */
function monthDay(at: Date): string {
  return chinaTimeOf(at).date.slice(5);
}
