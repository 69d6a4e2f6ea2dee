import { can, wordServerText, type ApprovalView } from '@golddesk/contracts';
import { i18next } from '../../platform/i18n';
import { alertAgent } from '../../platform/notify';
import { getSession } from '../../platform/session';

type RequestListener = (approval: ApprovalView) => void;
const requestListeners = new Set<RequestListener>();

/** Subscribes to new requests the signed-in manager may decide (the in-app notice); returns the unsubscribe. */
export function onNewRequest(listener: RequestListener): () => void {
  requestListeners.add(listener);
  return () => requestListeners.delete(listener);
}

/**
 * A request beyond a colleague's authority just arrived: whoever may decide it hears the beep (a desktop notification
 * while the tab is hidden) and sees a notice, so it is answered in the same minute. The requester is not told of their own.
 */
export function announceNewRequest(approval: ApprovalView): void {
  const session = getSession();
  if (!session || approval.requestedBy.id === session.agent.id || !can(session, 'approvals.decide')) return;
  const english = i18next.language === 'en';
  const summary =
    english && approval.summaryText ? (wordServerText(approval.summaryText, 'en') ?? approval.summary) : approval.summary;
  const title = i18next.t('approvals.newRequest', { name: approval.requestedBy.name });
  alertAgent(title, summary, `approval-${approval.id}`, () => undefined);
  for (const listener of requestListeners) listener(approval);
}
