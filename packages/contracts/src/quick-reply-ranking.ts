import { fillQuickReply, findUnfilledVariables, type QuickReplyVariables, type QuickReplyView } from './quick-replies.js';

/**
 * Which phrases the `/` picker offers first, shared by the server's list and the chat box: phrases that can be
 * filled for this buyer, then how well the code matches what was typed (Chinese, full pinyin or initials), then
 * what the buyer is talking about, then the caller's own uses, the team's, and the shortest code.
 */

type Rankable = Pick<QuickReplyView, 'code' | 'content' | 'group' | 'myUses' | 'teamUses' | 'lastUsedAt'> & {
  /** The code's syllables; absent or empty for codes without Chinese. */
  pinyin?: readonly string[];
};

/** The conversation a search runs for: its variables (with the buyer's situation), when known. */
export interface QuickReplyRankingContext {
  variables?: Pick<QuickReplyVariables, 'values' | 'missing' | 'orders' | 'situation'> | null;
}

const LATIN = /^[a-z0-9]+$/;

/**
 * Whether `query` is spelled by consecutive syllables from `from` on, each giving a non-empty prefix of itself:
 * 发货时间 (fa huo shi jian) is spelled by fh, fahuo, fahs, fhsj; not every syllable needs to be used.
 */
export function spellsPinyin(syllables: readonly string[], query: string, from = 0): boolean {
  const failed = new Set<string>();
  const go = (at: number, syllable: number): boolean => {
    if (at === query.length) return true;
    if (syllable >= syllables.length || failed.has(`${at}:${syllable}`)) return false;
    const word = syllables[syllable]!;
    for (let length = Math.min(word.length, query.length - at); length >= 1; length--) {
      if (query.startsWith(word.slice(0, length), at) && go(at + length, syllable + 1)) return true;
    }
    failed.add(`${at}:${syllable}`);
    return false;
  };
  return go(0, from);
}

/** How well a phrase matches what was typed after `/`: undefined = no match; lower = better. */
function matchTier(phrase: Rankable, query: string): number | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return 3;
  const code = (phrase.code ?? '').toLowerCase();
  const syllables = (phrase.pinyin ?? []).map((s) => s.toLowerCase());
  const latin = LATIN.test(q) && syllables.length > 0;
  if (code === q || (latin && syllables.join('') === q)) return 0;
  if (code.startsWith(q) || (latin && spellsPinyin(syllables, q))) return 1;
  if (code.includes(q) || (latin && syllables.some((_, i) => i > 0 && spellsPinyin(syllables, q, i)))) return 2;
  const haystack = `${phrase.group} ${phrase.content}`.toLowerCase();
  return q.split(/\s+/).every((w) => haystack.includes(w)) ? 3 : undefined;
}

/** How much a phrase is about the buyer's situation: the words of their last message, their shipped or unpaid order. */
function situationScore(phrase: Rankable, situation: NonNullable<QuickReplyVariables['situation']> | undefined): number {
  if (!situation) return 0;
  const head = `${phrase.code ?? ''} ${phrase.group}`;
  let score = 0;
  for (const word of situation.words) {
    if (head.includes(word)) score += 2;
    else if (phrase.content.includes(word)) score += 1;
  }
  const needs = new Set(findUnfilledVariables(phrase.content).map((v) => v.name));
  if (situation.shippedOrder && (needs.has('物流单号') || needs.has('物流公司'))) score += 1;
  if (situation.unpaidOrder && needs.has('付款金额')) score += 1;
  return score;
}

/** Filters and ranks phrases for a search (server list and the chat picker alike). */
export function rankQuickReplies<T extends Rankable>(
  phrases: readonly T[],
  query = '',
  context: QuickReplyRankingContext = {},
): T[] {
  const variables = context.variables ?? undefined;
  return phrases
    .map((phrase) => ({ phrase, tier: matchTier(phrase, query) }))
    .filter((x): x is { phrase: T; tier: number } => x.tier !== undefined)
    .map(({ phrase, tier }) => ({
      phrase,
      tier,
      fillable: !variables || fillQuickReply(phrase.content, variables).missing.length === 0,
      situation: situationScore(phrase, variables?.situation),
    }))
    .sort(
      (a, b) =>
        Number(b.fillable) - Number(a.fillable) ||
        a.tier - b.tier ||
        b.situation - a.situation ||
        b.phrase.myUses - a.phrase.myUses ||
        b.phrase.teamUses - a.phrase.teamUses ||
        (b.phrase.lastUsedAt ?? '').localeCompare(a.phrase.lastUsedAt ?? '') ||
        (a.phrase.code ?? '\uffff').length - (b.phrase.code ?? '\uffff').length ||
        (a.phrase.code ?? '\uffff').localeCompare(b.phrase.code ?? '\uffff', 'zh-CN'),
    )
    .map((x) => x.phrase);
}
