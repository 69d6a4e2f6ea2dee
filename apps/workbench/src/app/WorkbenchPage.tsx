import { App as AntApp } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../platform/session';
import { onNewRequest, onOwnDecision } from '../modules/approvals';
import { refreshMe } from '../modules/auth';
import { ChatPane } from '../modules/chat';
import { unlockAlerts } from '../platform/notify';
import { ensureConversation, ContactList, setActiveConversation, useTabTitle } from '../modules/conversations';
import { ShortcutHelp, useWorkbenchShortcuts } from '../modules/shortcuts';
import { CustomerPane } from '../modules/crm';
import { errorMessage } from '../platform/api-client';
import { AdminPage } from './admin-pages';
import { AppHeader } from './AppHeader';
import { navigate, useView } from '../platform/navigation';
import { startRealtime } from './realtime';
import './workbench-session';

/** The signed-in shell: the header over either the three-pane 千牛-style workbench (contacts | chat | customer) or an admin page. */
export function WorkbenchPage({ session }: { session: Session }) {
  const { message } = AntApp.useApp();
  const { t } = useTranslation();
  const view = useView();
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

  const openConversation = useCallback(
    (conversationId: string) => {
      ensureConversation(conversationId)
        .then(() => {
          navigate('workbench'); // a search hit may be opened from the team page
          setActiveConversation(conversationId);
        })
        .catch((error: unknown) => showError(errorMessage(error)));
    },
    [showError],
  );

  return (
    <div className="workbench">
      <AppHeader session={session} view={view} onOpenConversation={openConversation} />
      <ShortcutHelp />
      {/* The stream keeps running on the team page; the conversation stores remember where the agent was. */}
      {view !== 'workbench' ? (
        <AdminPage view={view} session={session} />
      ) : (
        <main className="workbench-body">
          <ContactList onSelect={setActiveConversation} onError={showError} />
          <ChatPane onError={showError} />
          <CustomerPane role={session.agent.role} />
        </main>
      )}
    </div>
  );
}
