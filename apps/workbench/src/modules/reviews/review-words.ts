import { statusWord, type ReviewLevel, type ReviewOutcome } from '@golddesk/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Tag colours of a review's level: 差评 red, 中评 orange, 好评 green. */
export const LEVEL_COLOR: Record<ReviewLevel, string> = { bad: 'red', mid: 'orange', good: 'green' };

/** The same colours for the charts (antd's preset hex values). */
export const LEVEL_HEX: Record<ReviewLevel, string> = { bad: '#f5222d', mid: '#fa8c16', good: '#52c41a' };

/** Tag colours of an outcome: revised is the win, an appeal still waits on the marketplace. */
export const OUTCOME_COLOR: Record<ReviewOutcome, string> = {
  revised: 'green',
  explained: 'blue',
  no_reply: 'default',
  appealed: 'purple',
};

export const OUTCOME_HEX: Record<ReviewOutcome | 'open', string> = {
  open: '#faad14',
  revised: '#52c41a',
  explained: '#1677ff',
  no_reply: '#bfbfbf',
  appealed: '#722ed1',
};

/** Review levels and outcomes in the UI's language (the contract's status words). */
export function useReviewWords() {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  // The same object while the language stays, so memoised charts and columns keep their inputs.
  return useMemo(
    () =>
      ({
        language,
        level: (level: ReviewLevel) => statusWord('reviewLevel', level, language),
        outcome: (outcome: ReviewOutcome) => statusWord('reviewOutcome', outcome, language),
      }) as const,
    [language],
  );
}
