import { App as AntApp } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../platform/session';
import { onNewRequest, onOwnDecision } from '../modules/approvals';
import { refreshMe } from '../modules/auth';
import { unlockAlerts } from '../platform/notify';
import { openConversation, useTabTitle } from '../modules/conversations';
import { ShortcutHelp, useWorkbenchShortcuts } from '../modules/shortcuts';
import { errorMessage } from '../platform/api-client';
import { AppHeader } from './AppHeader';
import { startRealtime } from './realtime';
import { WorkbenchRoutes } from './routes';
import './workbench-session';

/** The signed-in shell: the header over the page of the address (app/routes.tsx): the three-pane workbench or an admin page. */
export function WorkbenchPage({ session }: { session: Session }) {
  const { message } = AntApp.useApp();
  const { t } = useTranslation();
  const showError = useCallback((text: string) => void message.error(text), [message]);
  useTabTitle();
  useWorkbenchShortcuts(showError);

  useEffect(() => {
    startRealtime();
    refreshMe().catch(() => undefined); // a 401 here sends the agent back to login
    // Audio and notifications may only start after a gesture; the first click anywhere unlocks them.
    window.addEventListener('pointerdown', unlockAlerts, { once: true });
    return () => window.removeEventListener('pointerdown', unlockAlerts);
  }, []);

  // An agent who asked for a discount (or goodwill) beyond their limit hears the manager's answer wherever they are.
  useEffect(
    () =>
      onOwnDecision((approval) => {
        const note = approval.decisionNote ? `（${approval.decisionNote}）` : '';
        // cancelled: nobody decided; the order moved on (paid, closed) and the note says so.
        const key =
          approval.status === 'approved' ? 'ownApproved' : approval.status === 'cancelled' ? 'ownCancelled' : 'ownRejected';
        // A goodwill request names its case (the agent applies it there); a 改价 its order.
        const subject = approval.caseNo ? `approvals.case.${key}` : `approvals.${key}`;
        void message[approval.status === 'approved' ? 'success' : 'warning'](
          t(subject, { orderNo: approval.orderNo, caseNo: approval.caseNo, name: approval.decidedBy?.name ?? '', note }),
        );
      }),
    [message, t],
  );

  // A manager hears of a colleague's request at once (beep + this notice; the 审批 badge counts it).
  useEffect(
    () =>
      onNewRequest((approval) => {
        void message.info(
          `${t('approvals.newRequest', { name: approval.requestedBy.name })}：${approval.caseNo ?? approval.orderNo}`,
        );
      }),
    [message, t],
  );

  const openSearchHit = useCallback(
    (conversationId: string) => {
      // A search hit may be opened from the team page.
      openConversation(conversationId).catch((error: unknown) => showError(errorMessage(error)));
    },
    [showError],
  );

  return (
    <div className="workbench">
      <AppHeader session={session} onOpenConversation={openSearchHit} />
      <ShortcutHelp />
      {/* The stream keeps running on the team page; the conversation stores remember where the agent was. */}
      <WorkbenchRoutes session={session} />
    </div>
  );
}
