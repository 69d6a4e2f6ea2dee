import type { ConversationSummary } from '@golddesk/contracts';
import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSession } from '../../platform/session';
import './routing.locales';

/** Above the chat, for the agent who now has the buyer: who handed them over and their note (转接 / 改派). */
export function HandoffNote({ conversation }: { conversation: ConversationSummary }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const handoff = conversation.handoff;
  // Read and closed: gone for this hand-over (a later one shows again).
  const key = handoff ? `${conversation.id}:${handoff.at}` : null;
  if (!handoff || key === dismissed || conversation.status !== 'open' || conversation.assigneeId !== getSession()?.agent.id)
    return null;
  const from = handoff.fromAgent?.name;
  const title =
    handoff.kind === 'reassigned'
      ? from
        ? t('routing.handoff.reassigned', { from })
        : t('routing.handoff.reassignedNobody')
      : t(handoff.note ? 'routing.handoff.transferred' : 'routing.handoff.transferredNoNote', { from: from ?? '—' });
  return (
    <Alert
      className="handoff-note"
      type={handoff.kind === 'reassigned' ? 'warning' : 'info'}
      showIcon
      banner
      closable={{ onClose: () => setDismissed(key), 'aria-label': t('routing.handoff.dismiss') }}
      title={title}
      description={handoff.note || undefined}
      data-testid="handoff-note"
    />
  );
}
