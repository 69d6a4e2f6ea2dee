import {
  isPhraseRule,
  type PhraseQualityRule,
  type QualityRule,
  type QualityRuleKind,
  type SlowReplyQualityRule,
  type WordsQualityRule,
} from './quality.js';

/**
 * The 质检 matcher: pure, so the workbench runs the very same rules live while the agent types and the server runs
 * them on the API and on whole conversations.
 */

export type QualityLanguage = 'zh-CN' | 'en';

/** A rule that hit: `span` is [start, end) in UTF-16 code units of the text it was found in. */
export interface QualityMatch {
  rule: string;
  kind: QualityRuleKind;
  span: [number, number];
  message: string;
  suggestion: string;
  /** What the one-click rewrite replaces (phrase rules): the sentence around the span, or the span. */
  replace: 'sentence' | 'phrase';
}

/** A hit in a conversation: `line` is the index of the message in the lines given. */
export interface ConversationQualityMatch extends QualityMatch {
  line: number;
}

/** A message of a conversation as the conversation rules read it. */
export interface QualityLine {
  sender: 'buyer' | 'agent' | 'bot' | 'system';
  body: string;
  at: string | number | Date;
}

// Clauses end at punctuation, spaces, brackets and emoji (astral characters); sentences (what a rewrite replaces)
// at full stops and new lines.
const CLAUSE_BREAK = /[\s,，.。!！?？;；:：、~～…"“”'‘’()（）【】[\]<>《》\uD800-\uDFFF]/;
const SENTENCE_BREAK = /[。!！?？\n]/;
// A clause phrase may stand after a lead-in and before end particles and still be the whole clause: "那不行的哦".
const LEADS = sortedLongestFirst([
  '亲爱的',
  '亲亲',
  '亲',
  '嗯嗯',
  '嗯',
  '哦',
  '噢',
  '呃',
  '额',
  '这个',
  '那个',
  '这边',
  '我这边',
  '我们',
  '我',
  '也',
  '都',
  '就',
  '那',
  '这',
  '真的',
  '确实',
  '暂时',
  '目前',
  '现在',
  '是',
  '可能',
  '应该',
  '恐怕',
  '实在',
]);
const TAILS = sortedLongestFirst([
  '亲亲',
  '亲',
  '的',
  '哦',
  '噢',
  '喔',
  '呢',
  '啊',
  '呀',
  '哈',
  '哟',
  '呦',
  '了',
  '吧',
  '啦',
  '嘛',
  '哒',
  '滴',
]);

function sortedLongestFirst(words: string[]): string[] {
  return [...words].sort((a, b) => b.length - a.length);
}

// Latin letters compare case-insensitively; only ASCII is folded so every offset stays where it was.
function fold(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

function textOf(text: { zh: string; en: string }, language: QualityLanguage): string {
  return language === 'en' ? text.en : text.zh;
}

function occurrences(haystack: string, needle: string): [number, number][] {
  const found: [number, number][] = [];
  if (!needle) return found;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    found.push([at, at + needle.length]);
  }
  return found;
}

/** [start, end) of each clause of the text. */
function clauses(text: string): [number, number][] {
  const found: [number, number][] = [];
  let start = 0;
  for (let index = 0; index <= text.length; index++) {
    if (index === text.length || CLAUSE_BREAK.test(text[index]!)) {
      if (index > start) found.push([start, index]);
      start = index + 1;
    }
  }
  return found;
}

/** Where the clause's core may start (after lead-ins) and end (before end particles), widest first. */
function cuts(folded: string, [start, end]: [number, number], words: string[], fromStart: boolean): number[] {
  const found = [fromStart ? start : end];
  for (;;) {
    const at = found.at(-1)!;
    const rest = fromStart ? folded.slice(at, end) : folded.slice(start, at);
    const word = words.find((w) => rest.length > w.length && (fromStart ? rest.startsWith(w) : rest.endsWith(w)));
    if (!word) return found;
    found.push(fromStart ? at + word.length : at - word.length);
  }
}

function phraseRuleSpans(folded: string, rule: PhraseQualityRule): [number, number][] {
  const spans: [number, number][] = rule.phrases.flatMap((phrase) => occurrences(folded, fold(phrase)));
  const bare = new Set(rule.clausePhrases.map(fold));
  if (bare.size) {
    for (const clause of clauses(folded)) {
      const ends = cuts(folded, clause, TAILS, false);
      const core = cuts(folded, clause, LEADS, true)
        .flatMap((start) => ends.filter((end) => end > start).map((end): [number, number] => [start, end]))
        .find(([start, end]) => bare.has(folded.slice(start, end)));
      if (core) spans.push(core);
    }
  }
  const excepted = rule.exceptions.flatMap((exception) => occurrences(folded, fold(exception)));
  const kept = spans.filter(([start, end]) => !excepted.some(([from, to]) => from <= start && end <= to));
  return mergeOverlapping(kept);
}

/** One hit per place: overlapping spans of a rule ("全网最低" and "最低价") become one ("全网最低价"). */
function mergeOverlapping(spans: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function matchOf(
  rule: QualityRule,
  span: [number, number],
  language: QualityLanguage,
  replyLanguage: QualityLanguage,
): QualityMatch {
  return {
    rule: rule.id,
    kind: rule.kind,
    span,
    message: textOf(rule.message, language),
    suggestion: textOf(rule.suggestion, replyLanguage),
    replace: isPhraseRule(rule) ? rule.replace : 'sentence',
  };
}

/** The language a reply is written in: Chinese when it has any Chinese (or no Latin letters at all), else English. */
export function replyLanguageOf(text: string): QualityLanguage {
  return /[\u3400-\u9fff]/.test(text) || !/[a-z]/i.test(text) ? 'zh-CN' : 'en';
}

/**
 * The enabled phrase rules that hit a reply, in the order of the text. An empty list: the reply is fine. Messages are
 * in `language` (the agent's); the rewrite is in the reply's own language, since the buyer reads it.
 */
export function checkPhrasing(text: string, rules: readonly QualityRule[], language: QualityLanguage = 'zh-CN'): QualityMatch[] {
  const folded = fold(text);
  const replyLanguage = replyLanguageOf(text);
  return rules
    .filter((rule): rule is PhraseQualityRule => rule.enabled && isPhraseRule(rule))
    .flatMap((rule) => phraseRuleSpans(folded, rule).map((span) => matchOf(rule, span, language, replyLanguage)))
    .sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
}

/** [start, end) of the sentence around a span, without the surrounding spaces and the full stop ending it. */
export function sentenceAround(text: string, [start, end]: [number, number]): [number, number] {
  let from = start;
  while (from > 0 && !SENTENCE_BREAK.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !SENTENCE_BREAK.test(text[to]!)) to++;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return [from, to];
}

/** The text with the hit rewritten as its rule says (the sentence around it, or the words), and where the caret goes. */
export function applySuggestion(
  text: string,
  match: Pick<QualityMatch, 'span' | 'suggestion' | 'replace'>,
): { text: string; caret: number } {
  const [from, around] = match.replace === 'phrase' ? match.span : sentenceAround(text, match.span);
  // A suggestion that ends its sentence itself takes the place of the full stop after it ("哦~" not "哦~！").
  const ownEnd = match.replace === 'sentence' && /[~～。.!！?？]$/.test(match.suggestion);
  const to = ownEnd && /[。.!！?？]/.test(text[around] ?? '') ? around + 1 : around;
  return { text: text.slice(0, from) + match.suggestion + text.slice(to), caret: from + match.suggestion.length };
}

function hasAny(body: string, rule: WordsQualityRule): boolean {
  const folded = fold(body);
  return rule.phrases.some((phrase) => folded.includes(fold(phrase)));
}

function slowReplies(lines: readonly QualityLine[], rule: SlowReplyQualityRule): number[] {
  const slow: number[] = [];
  let waitingSince: number | null = null;
  lines.forEach((line, index) => {
    const at = new Date(line.at).getTime();
    if (line.sender === 'buyer') waitingSince ??= at;
    // An automatic reply does not answer the buyer: the wait goes on until an agent writes.
    if (line.sender !== 'agent') return;
    if (waitingSince !== null && at - waitingSince > rule.seconds * 1000) slow.push(index);
    waitingSince = null;
  });
  return slow;
}

/**
 * Every enabled rule on a conversation, oldest line first: phrase rules on each agent reply, the first reply's
 * greeting, replies slower than the rule's seconds, and (once the chat has ended) the thanks in the last reply.
 */
export function checkConversation(
  lines: readonly QualityLine[],
  rules: readonly QualityRule[],
  language: QualityLanguage = 'zh-CN',
  options: { ended?: boolean } = {},
): ConversationQualityMatch[] {
  const agentLines = lines.flatMap((line, index) => (line.sender === 'agent' ? [index] : []));
  const whole = (rule: QualityRule, line: number) => ({
    ...matchOf(rule, [0, lines[line]!.body.length], language, replyLanguageOf(lines[line]!.body)),
    line,
  });
  const found: ConversationQualityMatch[] = agentLines.flatMap((line) =>
    checkPhrasing(lines[line]!.body, rules, language).map((match) => ({ ...match, line })),
  );
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const first = agentLines[0];
    const last = agentLines.at(-1);
    if (rule.kind === 'no_greeting' && first !== undefined && !hasAny(lines[first]!.body, rule)) {
      found.push(whole(rule, first));
    }
    if (rule.kind === 'no_thanks' && options.ended && last !== undefined && !hasAny(lines[last]!.body, rule)) {
      found.push(whole(rule, last));
    }
    if (rule.kind === 'slow_reply') found.push(...slowReplies(lines, rule).map((line) => whole(rule, line)));
  }
  return found.sort((a, b) => a.line - b.line || a.span[0] - b.span[0]);
}

/** 100 less the points of every hit, never below 0. */
export function qualityScore(matches: readonly { rule: string }[], rules: readonly QualityRule[]): number {
  const points = new Map(rules.map((rule) => [rule.id, rule.points]));
  return Math.max(0, 100 - matches.reduce((sum, match) => sum + (points.get(match.rule) ?? 0), 0));
}
