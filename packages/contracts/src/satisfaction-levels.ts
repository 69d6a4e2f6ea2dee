/**
 * 满意度: the five levels a buyer rates a service session with, and the reasons offered with each. Plain data with no
 * zod, so the widget imports it (`@golddesk/contracts/satisfaction-levels`) without growing its bundle; the server,
 * the workbench and the figures read the same keys and words.
 */

/** A level's words in both languages. */
export interface SatisfactionWords {
  zh: string;
  en: string;
}

/** The five levels, best first: 5 很满意 · 4 满意 · 3 一般 · 2 不满意 · 1 很不满意. */
export const SATISFACTION_LEVELS: readonly ({ score: 5 | 4 | 3 | 2 | 1 } & SatisfactionWords)[] = [
  { score: 5, zh: '很满意', en: 'Very satisfied' },
  { score: 4, zh: '满意', en: 'Satisfied' },
  { score: 3, zh: '一般', en: 'Okay' },
  { score: 2, zh: '不满意', en: 'Dissatisfied' },
  { score: 1, zh: '很不满意', en: 'Very dissatisfied' },
];

/** The longest comment a buyer may leave with a rating. */
export const MAX_SATISFACTION_COMMENT_LENGTH = 500;

/** Ratings at or above this score are "satisfied" (满意率 counts 很满意 and 满意). */
export const SATISFIED_FROM_SCORE = 4;

/** What went well: offered with 很满意 and 满意. */
export const GOOD_REASONS = {
  fast_reply: { zh: '回复快', en: 'Quick replies' },
  friendly: { zh: '态度好', en: 'Friendly' },
  solved: { zh: '解决了问题', en: 'Solved my problem' },
  professional: { zh: '专业耐心', en: 'Knowledgeable and patient' },
  good_advice: { zh: '推荐合适', en: 'Good recommendations' },
} as const satisfies Record<string, SatisfactionWords>;

/** What could be better: offered with 一般, 不满意 and 很不满意. */
export const BAD_REASONS = {
  slow_reply: { zh: '回复慢', en: 'Slow replies' },
  unfriendly: { zh: '态度差', en: 'Unfriendly' },
  not_solved: { zh: '没解决问题', en: 'Problem not solved' },
  off_topic: { zh: '答非所问', en: "Didn't answer my question" },
  not_professional: { zh: '不够专业', en: 'Not knowledgeable' },
  pushy: { zh: '推销过度', en: 'Too pushy' },
} as const satisfies Record<string, SatisfactionWords>;

export type SatisfactionReasonKey = keyof typeof GOOD_REASONS | keyof typeof BAD_REASONS;

/** Every reason key with its words (figures and the workbench name a stored key with it). */
export const SATISFACTION_REASONS: Readonly<Record<SatisfactionReasonKey, SatisfactionWords>> = {
  ...GOOD_REASONS,
  ...BAD_REASONS,
};

export const SATISFACTION_REASON_KEYS = Object.keys(SATISFACTION_REASONS) as [SatisfactionReasonKey, ...SatisfactionReasonKey[]];

/** The reasons offered with `score`: the good ones for 很满意 and 满意, the others below. */
export function reasonsForScore(score: number): SatisfactionReasonKey[] {
  return Object.keys(score >= SATISFIED_FROM_SCORE ? GOOD_REASONS : BAD_REASONS) as SatisfactionReasonKey[];
}

/** A level's words in `language` ('zh-CN' or 'en'); the score itself when out of range. */
export function satisfactionLevelWord(score: number, language: 'zh-CN' | 'en'): string {
  const level = SATISFACTION_LEVELS.find((l) => l.score === score);
  return level ? (language === 'en' ? level.en : level.zh) : String(score);
}

/** A reason's words in `language`; an unknown key (a newer server's) as it is. */
export function satisfactionReasonWord(key: string, language: 'zh-CN' | 'en'): string {
  const words = (SATISFACTION_REASONS as Record<string, SatisfactionWords>)[key];
  return words ? (language === 'en' ? words.en : words.zh) : key;
}
