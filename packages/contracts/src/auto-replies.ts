import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';

/**
 * 自动回复: rules that answer a buyer by themselves — welcome on first contact, offline outside business
 * hours, busy when the queue is long, keywords, and a delayed reply when no agent answered in time.
 */

export const AUTO_REPLY_KINDS = ['welcome', 'offline', 'busy', 'keyword', 'delayed'] as const;
export const AutoReplyKind = z.enum(AUTO_REPLY_KINDS);
export type AutoReplyKind = z.infer<typeof AutoReplyKind>;

/** Kinds a shop has at most one rule of (keyword rules are many). */
export const SINGLE_AUTO_REPLY_KINDS: readonly AutoReplyKind[] = ['welcome', 'offline', 'busy', 'delayed'];

export const MAX_KEYWORDS = 10;
export const MAX_AUTO_REPLY_TEXT = 500;
/** Variables a rule's text may contain. */
export const AUTO_REPLY_VARIABLES = ['{买家昵称}', '{店铺活动}', '{活动链接}', '{包邮门槛}', '{营业时间}'] as const;

export const KeywordMatch = z.enum(['contains', 'exact']);
export type KeywordMatch = z.infer<typeof KeywordMatch>;

export const AutoReplyInput = z.object({
  kind: AutoReplyKind,
  name: z.string().trim().min(1).max(40),
  enabled: z.boolean().default(true),
  /** Keyword rules: lower first; the first matching rule answers. */
  priority: z.number().int().min(0).max(9999).default(100),
  keywords: z.array(z.string().trim().min(1).max(30)).max(MAX_KEYWORDS).default([]),
  match: KeywordMatch.default('contains'),
  text: z.string().trim().min(1).max(MAX_AUTO_REPLY_TEXT),
  /** The same rule does not answer the same conversation again within this many minutes (0 = every time). */
  cooldownMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(0),
  /** welcome: a buyer silent this long counts as a new contact again (0 = only the very first message). */
  afterHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 365)
    .default(0),
  /** busy: answer when more than this many conversations wait… */
  maxQueue: z.number().int().min(0).max(10_000).default(10),
  /** …or the longest wait is at least this many seconds (0 = ignore the wait). */
  maxWaitSeconds: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600)
    .default(0),
  /** delayed: answer when no agent replied this many seconds after the buyer. */
  delaySeconds: z
    .number()
    .int()
    .min(5)
    .max(24 * 3600)
    .default(60),
});
export type AutoReplyInput = z.input<typeof AutoReplyInput>;

export const AutoReplyStats = z.object({
  hits: z.number().int(),
  lastHitAt: IsoDateTime.nullable(),
  /** The last 14 China-time days, oldest first, days without hits included. */
  byDay: z.array(z.object({ day: z.string(), hits: z.number().int() })),
});
export type AutoReplyStats = z.infer<typeof AutoReplyStats>;

export const AutoReplyRule = z.object({
  id: Id,
  kind: AutoReplyKind,
  name: z.string(),
  enabled: z.boolean(),
  priority: z.number().int(),
  keywords: z.array(z.string()),
  match: KeywordMatch,
  text: z.string(),
  cooldownMinutes: z.number().int(),
  afterHours: z.number().int(),
  maxQueue: z.number().int(),
  maxWaitSeconds: z.number().int(),
  delaySeconds: z.number().int(),
  stats: AutoReplyStats,
  updatedAt: IsoDateTime,
});
export type AutoReplyRule = z.infer<typeof AutoReplyRule>;

export const AutoRepliesResponse = z.object({ rules: z.array(AutoReplyRule) });
export const AutoReplyResponse = z.object({ rule: AutoReplyRule });
export const AutoReplyPreviewRequest = z.object({ text: z.string().max(MAX_AUTO_REPLY_TEXT) });
export const AutoReplyPreviewResponse = z.object({ text: z.string() });

/** Full-width → half-width, lower case, trimmed: how buyer text and keywords are compared. */
export function normaliseForKeywords(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

// What an exact match ignores at the end of a message ("好的！！" is "好的"); whitespace is already one space.
const TRAILING_PUNCTUATION = new Set([' ', ',', '.', '!', '?', '，', '。', '！', '？', '~', '～']);

/** A buyer message normalised once, then matched against any number of rules in time linear in its length. */
export interface KeywordText {
  value: string;
  /** `value` without trailing punctuation, for exact matches. */
  bare: string;
}

export function prepareKeywordText(text: string): KeywordText {
  const value = normaliseForKeywords(text);
  // A backwards scan, not a /[…]+$/ regex: that retries from every position of a long punctuation run (quadratic).
  let end = value.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(value[end - 1]!)) end -= 1;
  return { value, bare: value.slice(0, end) };
}

/** Whether `text` matches one of the rule's keywords (case-insensitive, full/half width tolerant). */
export function matchesKeywords(text: string | KeywordText, keywords: readonly string[], match: KeywordMatch): boolean {
  const { value, bare } = typeof text === 'string' ? prepareKeywordText(text) : text;
  if (!value) return false;
  return keywords.some((keyword) => {
    const k = normaliseForKeywords(keyword);
    if (!k) return false;
    return match === 'exact' ? value === k || bare === k : value.includes(k);
  });
}
