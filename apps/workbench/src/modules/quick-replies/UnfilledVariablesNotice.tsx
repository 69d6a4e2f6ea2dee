import { WarningOutlined } from '@ant-design/icons';
import { findUnfilledVariables } from '@golddesk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './quick-replies.locales';
import './picker/quick-reply-picker.css';

/**
 * Send-time guard of the chat box: a text that still holds a {变量} of the known set (a phrase that could not be
 * filled for this buyer) is not sent; the first one is selected so the agent types its value over it.
 */
export function useUnfilledVariablesGuard() {
  const [refused, setRefused] = useState(false);

  /** True when the text must not be sent (and the agent has been shown why). */
  function blocks(text: string, area: HTMLTextAreaElement | null | undefined): boolean {
    const first = findUnfilledVariables(text)[0];
    setRefused(Boolean(first));
    if (!first) return false;
    area?.focus();
    area?.setSelectionRange(first.start, first.end);
    return true;
  }

  return { refused, blocks };
}

/** The warning line above the input, while the text still holds the variables that stopped it being sent. */
export function UnfilledVariablesNotice({ guard, text }: { guard: ReturnType<typeof useUnfilledVariablesGuard>; text: string }) {
  const { t } = useTranslation();
  if (!guard.refused) return null;
  const names = [...new Set(findUnfilledVariables(text).map((v) => `{${v.name}}`))];
  if (!names.length) return null;
  return (
    <div className="composer-unfilled" role="alert" data-testid="composer-unfilled">
      <WarningOutlined /> {t('quickReplies.unfilled', { names: names.join(' ') })}
    </div>
  );
}
