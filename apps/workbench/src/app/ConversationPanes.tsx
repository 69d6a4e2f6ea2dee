import { App as AntApp } from 'antd';
import { useCallback } from 'react';
import { Outlet } from 'react-router';
import { ChatPane } from '../modules/chat';
import { ContactList, setActiveConversation } from '../modules/conversations';
import { CustomerPane } from '../modules/crm';
import type { Session } from '../platform/session';
import { useConversationAddress } from './conversation-address';

/** The three-pane 千牛-style workbench (contacts | chat | customer); an order opened by its link shows beside it. */
export function ConversationPanes(_props: { session: Session }) {
  const { message } = AntApp.useApp();
  const showError = useCallback((text: string) => void message.error(text), [message]);
  useConversationAddress(showError);
  return (
    <>
      <main className="workbench-body">
        <ContactList onSelect={setActiveConversation} onError={showError} />
        <ChatPane onError={showError} />
        <CustomerPane />
      </main>
      <Outlet />
    </>
  );
}
