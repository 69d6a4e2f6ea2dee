import { applySuggestion, checkPhrasing, sentenceAround, type QualityMatch } from '@golddesk/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQualityRules } from '../quality';

/** Hits of one rule in one place (a sentence, or the words for a words-only rewrite): one hint, one rewrite. */
export interface PhrasingHint {
  key: string;
  rule: string;
  /** The matched words, as typed. */
  words: string[];
  /** Why, in the workbench's language. */
  message: string;
  /** The rewrite, in the language of the reply (Chinese unless it is written without Chinese). */
  suggestion: string;
  /** The reply with the rewrite applied, and where the caret goes. */
  rewritten: { text: string; caret: number };
}

export interface PhrasingHints {
  hits: QualityMatch[];
  hints: PhrasingHint[];
}

const NONE: PhrasingHints = { hits: [], hints: [] };

/** The shop's 质检 phrase rules on the reply as it is typed: the same matcher the server runs (pure, no request). */
export function usePhrasingHints(text: string): PhrasingHints {
  const rules = useQualityRules();
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  return useMemo(() => {
    if (!rules || !text.trim()) return NONE;
    const hits = checkPhrasing(text, rules, language);
    if (hits.length === 0) return NONE;
    const hints = new Map<string, PhrasingHint>();
    for (const hit of hits) {
      const place = hit.replace === 'phrase' ? hit.span : sentenceAround(text, hit.span);
      const key = `${hit.rule}:${place.join('-')}`;
      const words = text.slice(...hit.span);
      const known = hints.get(key);
      if (known) {
        if (!known.words.includes(words)) known.words.push(words);
        continue;
      }
      // The buyer reads the rewrite: checkPhrasing gives it in the reply's language, whatever the screen is in.
      const suggestion = hit.suggestion;
      hints.set(key, {
        key,
        rule: hit.rule,
        words: [words],
        message: hit.message,
        suggestion,
        rewritten: applySuggestion(text, { ...hit, suggestion }),
      });
    }
    return { hits, hints: [...hints.values()] };
  }, [rules, text, language]);
}
