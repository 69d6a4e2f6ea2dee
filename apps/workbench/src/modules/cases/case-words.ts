import { statusWord, type CaseState, type CaseType, type CompensationKind } from '@golddesk/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Tag colours of a case's state: waiting on the buyer, on the shop, done, or stopped. */
export const STATE_COLOR: Record<CaseState, string> = {
  pending: 'orange',
  awaiting_evidence: 'gold',
  awaiting_return: 'gold',
  awaiting_receipt: 'blue',
  inspecting: 'blue',
  awaiting_reship: 'cyan',
  reshipped: 'cyan',
  awaiting_refund: 'purple',
  completed: 'green',
  rejected: 'red',
  cancelled: 'default',
};

/** Case states, types and goodwill kinds in the UI's language (the contract's status words). */
export function useCaseWords() {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  // The same object while the language stays, so memoised charts and options keep their inputs.
  return useMemo(
    () =>
      ({
        language,
        state: (state: CaseState) => statusWord('case', state, language),
        type: (type: CaseType) => statusWord('caseType', type, language),
        compensation: (kind: CompensationKind) => statusWord('compensation', kind, language),
      }) as const,
    [language],
  );
}

/** Yuan typed by a person as integer fen (12.5 → 1250). */
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);
