import { z } from 'zod';
import { MAX_MESSAGE_LENGTH } from './messages.js';

/**
 * Quality inspection (质检): the shop's rules, as data. Phrase rules look at one reply (the chat box checks them live
 * while the agent types, the server on the API and on every message); conversation rules look at a whole chat (the
 * first reply's greeting, slow replies, the thanks at the end). Each hit costs the conversation the rule's points.
 */

/** Rules that look at the words of one reply. */
export const QUALITY_PHRASE_KINDS = ['forbidden', 'refusal', 'blame', 'courier_promise', 'ad_words'] as const;
/** Rules that look at a whole conversation. */
export const QUALITY_CONVERSATION_KINDS = ['no_greeting', 'slow_reply', 'no_thanks'] as const;
export const QualityRuleKind = z.enum([...QUALITY_PHRASE_KINDS, ...QUALITY_CONVERSATION_KINDS]);
export type QualityRuleKind = z.infer<typeof QualityRuleKind>;
export type QualityPhraseKind = (typeof QUALITY_PHRASE_KINDS)[number];

export const QUALITY_LIMITS = { rules: 50, phrases: 300, phrase: 30, text: 200, name: 40, id: 40 } as const;

/** A text the agent reads, in both languages of the workbench. */
export const QualityText = z.object({
  zh: z.string().trim().min(1).max(QUALITY_LIMITS.text),
  en: z.string().trim().min(1).max(QUALITY_LIMITS.text),
});
export type QualityText = z.infer<typeof QualityText>;

export const QualityRuleId = z
  .string()
  .trim()
  .min(1)
  .max(QUALITY_LIMITS.id)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _');

const Phrase = z.string().trim().min(1).max(QUALITY_LIMITS.phrase);
const Phrases = z.array(Phrase).max(QUALITY_LIMITS.phrases).default([]);

const ruleBase = {
  id: QualityRuleId,
  /** The shop's own name for the rule; empty: the kind's name in the reader's language. */
  name: z.string().trim().max(QUALITY_LIMITS.name).default(''),
  enabled: z.boolean().default(true),
  /** What the agent is told when the rule hits. */
  message: QualityText,
  /** The rewrite in the shop's tone, offered with one click. */
  suggestion: QualityText,
  /** Points a hit takes off the conversation's score (out of 100). */
  points: z.number().int().min(0).max(100).default(2),
};

/**
 * forbidden / refusal / blame / courier_promise / ad_words. `phrases` hit wherever they stand, unless the hit lies
 * inside one of the `exceptions` ("没有" inside "没有问题"); `clausePhrases` hit only as a whole clause, give or take
 * a lead-in (那、这个、我、也 …) and end particles (的、哦、呢、了 …): "没有的哦" is a bare refusal, "有没有" and
 * "没有问题" are not, "不行吗" is a question.
 */
export const PhraseQualityRule = z.object({
  ...ruleBase,
  kind: z.enum(QUALITY_PHRASE_KINDS),
  phrases: Phrases,
  clausePhrases: Phrases,
  exceptions: Phrases,
  /** What the one-click rewrite replaces: the sentence around the hit (default), or the matched words only. */
  replace: z.enum(['sentence', 'phrase']).default('sentence'),
});
export type PhraseQualityRule = z.infer<typeof PhraseQualityRule>;

/** no_greeting: the first reply has none of `phrases`; no_thanks: the last reply of an ended chat has none. */
export const WordsQualityRule = z.object({
  ...ruleBase,
  kind: z.enum(['no_greeting', 'no_thanks']),
  phrases: Phrases,
});
export type WordsQualityRule = z.infer<typeof WordsQualityRule>;

/** slow_reply: a reply more than `seconds` after the buyer's first unanswered message. */
export const SlowReplyQualityRule = z.object({
  ...ruleBase,
  kind: z.literal('slow_reply'),
  seconds: z.number().int().min(30).max(3600).default(180),
});
export type SlowReplyQualityRule = z.infer<typeof SlowReplyQualityRule>;

export const QualityRule = z.discriminatedUnion('kind', [PhraseQualityRule, WordsQualityRule, SlowReplyQualityRule]);
export type QualityRule = z.infer<typeof QualityRule>;
export type QualityRuleInput = z.input<typeof QualityRule>;

export const QualityRules = z
  .array(QualityRule)
  .max(QUALITY_LIMITS.rules)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${rule.id}" is used twice` });
      seen.add(rule.id);
    });
  });

/** Whether a rule looks at the words of a reply (and so runs live in the chat box). */
export function isPhraseRule(rule: QualityRule): rule is PhraseQualityRule {
  return (QUALITY_PHRASE_KINDS as readonly string[]).includes(rule.kind);
}

/** GET /api/v1/quality/rules (and the answer to PUT and reset). */
export const QualityRulesResponse = z.object({
  rules: z.array(QualityRule),
  /** The shop has not changed the built-in rules. */
  isDefault: z.boolean(),
});
export type QualityRulesResponse = z.infer<typeof QualityRulesResponse>;

/** PUT /api/v1/quality/rules: the whole rule set, replacing the shop's. */
export const SaveQualityRulesRequest = z.object({ rules: QualityRules });
export type SaveQualityRulesRequest = z.input<typeof SaveQualityRulesRequest>;

/** POST /api/v1/assistant/check-phrasing. Longer than MAX_MESSAGE_LENGTH → 413, as a message would be. */
export const CheckPhrasingRequest = z.object({
  text: z.string().max(MAX_MESSAGE_LENGTH * 100),
});

/** A rule that hit a reply: `span` is [start, end) in UTF-16 code units of the text. */
export const PhrasingHit = z.object({
  rule: z.string().describe("the rule's id"),
  span: z.tuple([z.number().int(), z.number().int()]),
  message: z.string().describe("in the request's language"),
  suggestion: z.string().describe("the rewrite in the shop's tone, in the request's language"),
});
export type PhrasingHit = z.infer<typeof PhrasingHit>;

export const CheckPhrasingResponse = z.object({ hits: z.array(PhrasingHit) });
export type CheckPhrasingResponse = z.infer<typeof CheckPhrasingResponse>;
