import { App as AntApp } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { setCloseConfirm, showConversation, takeConversation, conversationStore } from '../conversations';
import { nextUnread, stepWaiting } from './shortcut-actions';
import { setShortcutHelp } from './shortcut-help.store';
import { isHelpKey, matchShortcut, type ShortcutAction } from './shortcut-keys';
import './shortcuts.locales';

/** Listens for the workbench's keyboard shortcuts (see SHORTCUTS) and `?` for their overlay, on every page. */
export function useWorkbenchShortcuts(onError: (message: string) => void): void {
  const { message } = AntApp.useApp();
  const { t } = useTranslation();

  useEffect(() => {
    function run(action: ShortcutAction) {
      const { activeId, byId } = conversationStore.get();
      const active = activeId ? byId[activeId] : undefined;
      const say = (key: string) => void message.info({ content: t(key), key: 'shortcut' });
      if (action === 'nextWaiting' || action === 'previousWaiting' || action === 'nextUnread') {
        const opened = action === 'nextUnread' ? nextUnread() : stepWaiting(action === 'nextWaiting' ? 1 : -1);
        if (opened) showConversation(opened);
        else say(action === 'nextUnread' ? 'shortcuts.none.unread' : 'shortcuts.none.waiting');
      } else if (action === 'take') {
        if (active?.status === 'open' && !active.assignee) {
          showConversation(active.id); // from another page too: the agent sees whom they took
          takeConversation(active.id).catch((error: unknown) => onError(errorMessage(error)));
        } else say('shortcuts.none.take');
      } else if (active?.status === 'open') {
        showConversation(active.id);
        setCloseConfirm(active.id);
      } else {
        say('shortcuts.none.close');
      }
    }

    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      if (isHelpKey(event)) {
        event.preventDefault();
        setShortcutHelp((open) => !open);
        return;
      }
      const action = matchShortcut(event);
      // Inside another dialog (改价, 发货…) the shortcuts would act behind it.
      if (!action || (event.target instanceof Element && event.target.closest('[role="dialog"]'))) return;
      event.preventDefault();
      run(action);
    }

    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [message, onError, t]);
}
