import { createStore } from '../../platform/store';

/** Whether the keyboard-shortcut overlay is open. */
export const shortcutHelpStore = createStore(false);

export function setShortcutHelp(open: boolean | ((open: boolean) => boolean)): void {
  shortcutHelpStore.set(open);
}
